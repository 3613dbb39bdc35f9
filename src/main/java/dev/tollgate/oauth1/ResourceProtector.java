package dev.tollgate.oauth1;

import dev.tollgate.common.ReplayCache;
import java.time.Clock;

/** Verifies signed requests to protected resources (RFC 5849 §3). Thread-safe if its stores are. */
public class ResourceProtector {

    private final ClientStore clients;
    private final TokenCredentialStore tokenCredentials;
    private final OAuth1Settings settings;
    private final SignedRequestVerifier verifier;

    /**
     * @param clients          looks clients up
     * @param tokenCredentials looks token credentials up
     * @param nonces           remembers nonces; its {@code recordIfAbsent} is atomic
     * @param settings         accepted signature methods, timestamp window, realm
     * @param signatureMethods the known signature methods
     * @param clock            the time for timestamps
     */
    public ResourceProtector(ClientStore clients, TokenCredentialStore tokenCredentials, ReplayCache nonces,
            OAuth1Settings settings, SignatureMethods signatureMethods, Clock clock) {
        this.clients = clients;
        this.tokenCredentials = tokenCredentials;
        this.settings = settings;
        this.verifier = new SignedRequestVerifier(nonces, settings, signatureMethods, clock);
    }

    /**
     * Verifies a request signed with a token credential.
     *
     * @return the client and the token credential
     * @throws OAuth1Error 400 for missing, unsupported or duplicated parameters; 401 for an unknown client,
     *                     an unknown or foreign token, a bad signature, a stale timestamp or a used nonce
     *                     (RFC 5849 §3.2)
     */
    public ResourceAccess validateRequest(OAuth1Request request) throws OAuth1Error {
        SignatureMethod method = verifier.checkParameters(request);
        String token = request.token();
        if (token == null || token.isEmpty()) {
            throw new MissingRequiredParameterError(OAuthParameters.TOKEN);
        }
        OAuth1Client client = clients.find(request.clientId()).orElseThrow(InvalidClientError::new);
        TokenCredential credential = tokenCredentials.find(token)
                .filter(found -> client.getClientId().equals(found.getClientId()))
                .orElseThrow(InvalidTokenError::new);
        verifier.verify(request, method, client, credential.getSecret());
        return new ResourceAccess(client, credential);
    }

    /** The {@code WWW-Authenticate} value of a 401 (RFC 5849 §3.5.1): {@code OAuth realm="..."}. */
    public String wwwAuthenticate() {
        String realm = settings.realm().replace("\\", "\\\\").replace("\"", "\\\"");
        return "OAuth realm=\"" + realm + '"';
    }

    /** The response for an error of {@link #validateRequest}, with {@code WWW-Authenticate} on a 401. */
    public OAuth1Response errorResponse(OAuth1Error error) {
        OAuth1Response response = OAuth1Response.error(error);
        return error.status() == 401 ? response.withHeader("WWW-Authenticate", wwwAuthenticate()) : response;
    }
}
