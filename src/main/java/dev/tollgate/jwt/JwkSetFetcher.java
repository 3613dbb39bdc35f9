package dev.tollgate.jwt;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;

/**
 * Fetches the JWK Set (RFC 7517 §5) at a client's {@code jwks_uri}. {@link HttpJwkSetFetcher} is the real one;
 * {@link ClientKeys} caches what it answers.
 */
@FunctionalInterface
public interface JwkSetFetcher {

    /**
     * @throws IOException if the URI is refused, cannot be reached in time, does not answer 200 with a JWK Set, or
     *                     answers too much
     */
    JWKSet fetch(URI uri) throws IOException;
}
