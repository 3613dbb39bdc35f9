package dev.tollgate.oauth2;

import dev.tollgate.common.PercentEncoding;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Client authentication at the token, revocation and introspection endpoints (RFC 6749 §2.3):
 * {@code client_secret_basic}, {@code client_secret_post} and {@code none}. Each client is held to
 * its registered method.
 */
public final class ClientAuthentication {

    public static final String CLIENT_SECRET_BASIC = "client_secret_basic";
    public static final String CLIENT_SECRET_POST = "client_secret_post";
    public static final String NONE = "none";
    /** Every method this class supports. */
    public static final Set<String> ALL = Set.of(CLIENT_SECRET_BASIC, CLIENT_SECRET_POST, NONE);
    /** The methods of confidential clients. */
    public static final Set<String> CONFIDENTIAL = Set.of(CLIENT_SECRET_BASIC, CLIENT_SECRET_POST);

    private final ClientStore clients;
    private final String realm;

    public ClientAuthentication(ClientStore clients, String realm) {
        this.clients = clients;
        this.realm = realm;
    }

    /**
     * Authenticates the calling client.
     *
     * @param allowedMethods the methods this endpoint or grant accepts
     * @throws OAuth2Error {@code invalid_client}: 401 with a {@code WWW-Authenticate: Basic} challenge when
     *                     the client tried the {@code Authorization} header or is registered for it
     *                     (RFC 6749 §5.2), else 400; {@code invalid_request} when it used two methods at once
     */
    public OAuth2Client authenticate(OAuth2Request request, Set<String> allowedMethods) {
        String authorization = request.authorization();
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        String postSecret = request.form("client_secret");
        if (basic && postSecret != null) {
            // RFC 6749 §2.3: a client MUST NOT use more than one authentication method in a request
            throw OAuth2Error.invalidRequest("More than one client authentication method was used.");
        }
        String method;
        String clientId;
        String secret;
        if (basic) {
            String[] credentials = decodeBasic(authorization.substring(6).trim());
            method = CLIENT_SECRET_BASIC;
            clientId = credentials[0];
            secret = credentials[1];
            String paramClientId = request.param("client_id");
            if (paramClientId != null && !paramClientId.equals(clientId)) {
                throw failure(true, "The client_id does not match the credentials.");
            }
        } else {
            method = postSecret != null ? CLIENT_SECRET_POST : NONE;
            clientId = postSecret != null ? request.form("client_id") : request.param("client_id");
            secret = postSecret;
        }
        if (clientId == null) {
            throw failure(basic, "Client authentication is required.");
        }
        Optional<OAuth2Client> found = clients.find(clientId);
        boolean challenge = basic || found.map(c -> CLIENT_SECRET_BASIC.equals(c.getTokenEndpointAuthMethod())).orElse(false);
        OAuth2Client client = found.orElseThrow(() -> failure(challenge, "Client authentication failed."));
        boolean ok = method.equals(client.getTokenEndpointAuthMethod())
                && allowedMethods.contains(method)
                && (NONE.equals(method) ? client.getClientSecretHash() == null : client.checkClientSecret(secret));
        if (!ok) {
            throw failure(challenge, "Client authentication failed.");
        }
        return client;
    }

    // RFC 6749 §2.3.1: client id and secret are form-urlencoded, then joined by ':' and base64-encoded.
    private String[] decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw failure(true, "Malformed Basic credentials.");
            }
            return new String[] {
                PercentEncoding.decode(decoded.substring(0, colon), true),
                PercentEncoding.decode(decoded.substring(colon + 1), true)
            };
        } catch (IllegalArgumentException e) {
            throw failure(true, "Malformed Basic credentials.");
        }
    }

    private OAuth2Error failure(boolean challenge, String description) {
        OAuth2Error error = OAuth2Error.invalidClient(description);
        return challenge ? error.withChallenge(401, "WWW-Authenticate", "Basic realm=\"" + realm + "\"") : error;
    }
}
