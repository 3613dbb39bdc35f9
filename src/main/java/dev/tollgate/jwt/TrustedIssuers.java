package dev.tollgate.jwt;

import com.nimbusds.jose.jwk.JWKSet;
import java.util.Map;
import java.util.Optional;

/**
 * The issuers besides the client itself whose assertions {@link JwtBearerGrant} accepts (RFC 7523 §3 item 1: the
 * server rejects a JWT from an issuer it does not trust), with the public keys each signs with; for example an
 * identity provider of the organisation. The application chooses them.
 */
@FunctionalInterface
public interface TrustedIssuers {

    /** None: only a client's own assertions. */
    TrustedIssuers NONE = issuer -> Optional.empty();

    /** The public keys of a trusted issuer, or empty if the issuer is not trusted. */
    Optional<JWKSet> keys(String issuer);

    /** A fixed set of issuers and their keys; only the public parts of the keys are used. */
    static TrustedIssuers of(Map<String, JWKSet> issuers) {
        Map<String, JWKSet> copy = Map.copyOf(issuers);
        return issuer -> Optional.ofNullable(copy.get(issuer)).map(JWKSet::toPublicJWKSet);
    }
}
