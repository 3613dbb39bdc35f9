package dev.tollgate.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.OAuth2Request;
import java.util.Objects;

/**
 * {@code private_key_jwt} (OpenID Connect Core §9, RFC 7523 §2.2): the client signs its assertion with a private key
 * and the server verifies it with the public keys the client registered, {@code jwks} or {@code jwks_uri}
 * ({@link ClientKeys}), with one of {@link AssertionSettings#signatureAlgorithms()} (RS256, PS256, ES256 by default).
 * Register it with {@code builder.clientAuthentication(new PrivateKeyJwt(validator, keys))}.
 */
public final class PrivateKeyJwt extends JwtClientAuthentication {

    public static final String NAME = "private_key_jwt";

    private final ClientKeys keys;

    public PrivateKeyJwt(AssertionValidator validator, ClientKeys keys) {
        super(validator, validator.settings().signatureAlgorithms());
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Its clients prove themselves with their own keys: registration gives them no secret. */
    @Override
    public boolean usesSecret() {
        return false;
    }

    @Override
    boolean isOfKind(JWSAlgorithm algorithm) {
        return algorithm == null || !JWSAlgorithm.Family.HMAC_SHA.contains(algorithm);
    }

    @Override
    public boolean verify(OAuth2Request request, OAuth2Client client) {
        return assertions.verify(request, client, algorithms(),
                jwt -> Signatures.verify(jwt, keys.candidates(client, jwt.getHeader())));
    }
}
