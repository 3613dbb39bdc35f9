package dev.tollgate.oauth2;

import java.util.Optional;

/** The application's check of a resource owner's credentials, for the password grant (RFC 6749 §4.3). */
@FunctionalInterface
public interface ResourceOwnerAuthenticator {

    /** The canonical username if the credentials are right, otherwise empty. */
    Optional<String> authenticate(String username, String password);
}
