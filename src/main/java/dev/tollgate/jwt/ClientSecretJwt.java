package dev.tollgate.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.OAuth2Request;
import java.nio.charset.StandardCharsets;

/**
 * {@code client_secret_jwt} (OpenID Connect Core §9, RFC 7523 §2.2): the client makes its assertion's HMAC with its
 * client secret, which the server must therefore hold itself ({@link OAuth2Client#getClientSecret()}; a client with
 * only a hash cannot use this method), with one of {@link AssertionSettings#macAlgorithms()} (HS256, HS384, HS512 by
 * default). The secret is the key as the octets of its UTF-8 form (Core §10.1) and must be at least as long as the
 * hash (RFC 7518 §3.2: 32 bytes for HS256, 48 for HS384, 64 for HS512). Register it with
 * {@code builder.clientAuthentication(new ClientSecretJwt(validator))}.
 */
public final class ClientSecretJwt extends JwtClientAuthentication {

    public static final String NAME = "client_secret_jwt";

    public ClientSecretJwt(AssertionValidator validator) {
        super(validator, validator.settings().macAlgorithms());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    boolean isOfKind(JWSAlgorithm algorithm) {
        return algorithm != null && JWSAlgorithm.Family.HMAC_SHA.contains(algorithm);
    }

    @Override
    public boolean verify(OAuth2Request request, OAuth2Client client) {
        String secret = client.getClientSecret();
        if (secret == null) {
            return false;
        }
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        return assertions.verify(request, client, algorithms(), jwt -> Signatures.verifyMac(jwt, key));
    }
}
