package dev.tollgate.oauth2;

import dev.tollgate.common.PercentEncoding;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** {@code client_secret_basic}: the client id and secret in HTTP Basic credentials (RFC 6749 §2.3.1). */
public final class ClientSecretBasic implements ClientAuthenticationMethod {

    @Override
    public String name() {
        return CLIENT_SECRET_BASIC;
    }

    @Override
    public boolean isUsedBy(OAuth2Request request) {
        String authorization = request.authorization();
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    @Override
    public String clientId(OAuth2Request request) {
        String clientId = credentials(request)[0];
        String parameter = request.param("client_id");
        if (parameter != null && !parameter.equals(clientId)) {
            throw OAuth2Error.invalidClient("The client_id does not match the credentials.");
        }
        return clientId;
    }

    @Override
    public boolean verify(OAuth2Request request, OAuth2Client client) {
        return client.checkClientSecret(credentials(request)[1]);
    }

    @Override
    public String challenge(String realm) {
        return "Basic realm=\"" + realm + "\""; // RFC 6749 §5.2
    }

    // §2.3.1: client id and secret are form-urlencoded, then joined by ':' and base64-encoded.
    private static String[] credentials(OAuth2Request request) {
        try {
            String encoded = request.authorization().substring(6).trim();
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw OAuth2Error.invalidClient("Malformed Basic credentials.");
            }
            return new String[] {
                PercentEncoding.decode(decoded.substring(0, colon), true),
                PercentEncoding.decode(decoded.substring(colon + 1), true)
            };
        } catch (IllegalArgumentException e) {
            throw OAuth2Error.invalidClient("Malformed Basic credentials.");
        }
    }
}
