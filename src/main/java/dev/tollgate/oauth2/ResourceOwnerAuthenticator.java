package dev.tollgate.oauth2;

import java.util.Optional;

/** The application's check of a resource owner's credentials, for the password grant (RFC 6749 §4.3). */
@FunctionalInterface
public interface ResourceOwnerAuthenticator {

    /** The resource owner if the credentials are right (e.g. {@code ResourceOwner.of(username)}), otherwise empty. */
    Optional<ResourceOwner> authenticate(String username, String password);
}
