package dev.tollgate.jwt;

import dev.tollgate.oauth2.ResourceOwner;
import java.util.Optional;

/**
 * The application's lookup of the resource owner a JWT bearer grant names (RFC 7523 §3 item 2.A: {@code sub}
 * identifies the resource owner for whom access is requested), for {@link JwtBearerGrant}. A subject is only unique
 * per issuer (RFC 7519 §4.1.2), so the issuer comes with it: the client id when the client signed the assertion,
 * else the trusted issuer's identifier. Refusing an issuer here (e.g. to let a client speak only for some owners)
 * is {@code invalid_grant} as an unknown subject is.
 */
@FunctionalInterface
public interface ResourceOwnerLookup {

    /** The resource owner, e.g. {@code ResourceOwner.of(username)}, or empty if unknown or not for this issuer. */
    Optional<ResourceOwner> find(String issuer, String subject);
}
