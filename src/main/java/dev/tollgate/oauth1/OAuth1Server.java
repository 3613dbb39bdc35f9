package dev.tollgate.oauth1;

import dev.tollgate.common.ReplayCache;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three endpoints of RFC 5849 §2: temporary credentials, resource-owner authorization and token
 * credentials. Thread-safe if its stores are. Endpoints that clients call answer an {@link OAuth1Response}
 * for errors too; the two calls of the application's consent page throw {@link OAuth1Error} instead, so that
 * the application can render its own error page.
 */
public class OAuth1Server {

    private static final String POST = "POST";

    private final ClientStore clients;
    private final TemporaryCredentialStore temporaryCredentials;
    private final TokenCredentialStore tokenCredentials;
    private final OAuth1Settings settings;
    private final TokenGenerator tokenGenerator;
    private final Clock clock;
    private final SignedRequestVerifier verifier;

    /**
     * @param clients              looks clients up
     * @param temporaryCredentials keeps temporary credentials; its {@code authorize} and {@code take} are atomic
     * @param tokenCredentials     keeps token credentials
     * @param nonces               remembers nonces; its {@code recordIfAbsent} is atomic
     * @param settings             accepted signature methods, timestamp window, lifetimes
     * @param signatureMethods     the known signature methods
     * @param tokenGenerator       makes tokens, secrets and verifiers
     * @param clock                the time for timestamps and expiry
     */
    public OAuth1Server(ClientStore clients, TemporaryCredentialStore temporaryCredentials,
            TokenCredentialStore tokenCredentials, ReplayCache nonces, OAuth1Settings settings,
            SignatureMethods signatureMethods, TokenGenerator tokenGenerator, Clock clock) {
        this.clients = clients;
        this.temporaryCredentials = temporaryCredentials;
        this.tokenCredentials = tokenCredentials;
        this.settings = settings;
        this.tokenGenerator = tokenGenerator;
        this.clock = clock;
        this.verifier = new SignedRequestVerifier(nonces, settings, signatureMethods, clock);
    }

    /**
     * The temporary credential endpoint (RFC 5849 §2.1): a signed POST with an {@code oauth_callback} that is
     * {@code oob} or one of the client's registered URIs, exactly. Answers {@code oauth_token},
     * {@code oauth_token_secret} and {@code oauth_callback_confirmed=true}, or an error.
     */
    public OAuth1Response createTemporaryCredentialResponse(OAuth1Request request) {
        try {
            requirePost(request);
            SignatureMethod method = verifier.checkParameters(request);
            String callback = required(request.callback(), OAuthParameters.CALLBACK);
            if (!Callbacks.isWellFormed(callback)) {
                throw new InvalidRequestError("Invalid \"oauth_callback\" value");
            }
            OAuth1Client client = findClient(request.clientId());
            verifier.verify(request, method, client, null);
            if (!Callbacks.isRegistered(client, callback)) {
                throw new InvalidRequestError("\"oauth_callback\" is not registered for this client");
            }
            TemporaryCredential credential = temporaryCredentials.create(tokenGenerator.generateToken(),
                    client.getClientId(), callback, clock.instant().plus(settings.temporaryCredentialLifetime()));
            Map<String, String> body = new LinkedHashMap<>();
            body.put(OAuthParameters.TOKEN, credential.getToken());
            body.put(OAuthParameters.TOKEN_SECRET, credential.getSecret());
            body.put(OAuthParameters.CALLBACK_CONFIRMED, "true");
            return OAuth1Response.form(200, body);
        } catch (OAuth1Error error) {
            return OAuth1Response.error(error);
        }
    }

    /** As {@link #checkAuthorizationRequest(String)}, with the {@code oauth_token} of the request. */
    public AuthorizationRequest checkAuthorizationRequest(OAuth1Request request) throws OAuth1Error {
        return checkAuthorizationRequest(request.token());
    }

    /**
     * What the consent page shows (RFC 5849 §2.2): the client and the temporary credential.
     *
     * @throws MissingRequiredParameterError if {@code oauthToken} is absent
     * @throws InvalidTokenError             if it is unknown, expired or already authorized
     */
    public AuthorizationRequest checkAuthorizationRequest(String oauthToken) throws OAuth1Error {
        TemporaryCredential credential = temporaryCredentials.find(required(oauthToken, OAuthParameters.TOKEN))
                .filter(found -> !found.isAuthorized() && isLive(found))
                .orElseThrow(InvalidTokenError::new);
        OAuth1Client client = clients.find(credential.getClientId()).orElseThrow(InvalidClientError::new);
        return new AuthorizationRequest(client, credential);
    }

    /** As {@link #createAuthorizationResponse(String, String)}, with the {@code oauth_token} of the request. */
    public OAuth1Response createAuthorizationResponse(OAuth1Request request, String grantUser) throws OAuth1Error {
        return createAuthorizationResponse(request.token(), grantUser);
    }

    /**
     * The resource owner's decision (RFC 5849 §2.2).
     * <ul>
     * <li>Granted, with a callback URI: a 302 to it with {@code oauth_token} and {@code oauth_verifier}.</li>
     * <li>Granted, {@code oob}: a 200 whose {@link OAuth1Response#formParameters()} hold {@code oauth_token}
     * and {@code oauth_verifier}, for the application to show to the resource owner.</li>
     * <li>Denied: the temporary credential is deleted, and no verifier exists; a 302 to the callback with
     * {@code error=access_denied} (as Authlib), or for {@code oob} the {@code access_denied} error response.</li>
     * </ul>
     *
     * @param grantUser the resource owner who granted access, or {@code null} if they denied it
     * @throws OAuth1Error as {@link #checkAuthorizationRequest(String)}
     */
    public OAuth1Response createAuthorizationResponse(String oauthToken, String grantUser) throws OAuth1Error {
        TemporaryCredential credential = checkAuthorizationRequest(oauthToken).credential();
        String callback = credential.getCallback();
        if (grantUser == null) {
            temporaryCredentials.delete(oauthToken);
            AccessDeniedError denied = new AccessDeniedError();
            if (Callbacks.isOutOfBand(callback)) {
                return OAuth1Response.error(denied);
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("error", denied.error());
            parameters.put("error_description", denied.description());
            return OAuth1Response.redirect(Callbacks.withParameters(callback, parameters));
        }
        TemporaryCredential authorized = temporaryCredentials
                .authorize(oauthToken, grantUser, tokenGenerator.generateVerifier())
                .orElseThrow(InvalidTokenError::new);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(OAuthParameters.TOKEN, authorized.getToken());
        parameters.put(OAuthParameters.VERIFIER, authorized.getVerifier());
        if (Callbacks.isOutOfBand(callback)) {
            return OAuth1Response.form(200, parameters);
        }
        return OAuth1Response.redirect(Callbacks.withParameters(callback, parameters));
    }

    /**
     * The token credential endpoint (RFC 5849 §2.3): a signed POST with the temporary credential and its
     * verifier. The temporary credential is taken from the store once and for all before it is checked, so
     * that a replay, a race or any failed attempt leaves nothing to retry: they all get 401
     * {@code invalid_token} (or the error of the check that failed).
     */
    public OAuth1Response createTokenResponse(OAuth1Request request) {
        try {
            requirePost(request);
            SignatureMethod method = verifier.checkParameters(request);
            String token = required(request.token(), OAuthParameters.TOKEN);
            String verifierValue = required(request.verifier(), OAuthParameters.VERIFIER);
            TemporaryCredential credential = temporaryCredentials.take(token)
                    .filter(this::isLive)
                    .orElseThrow(InvalidTokenError::new);
            if (!credential.isAuthorized()) {
                throw new InvalidTokenError("\"oauth_token\" has not been authorized");
            }
            OAuth1Client client = findClient(request.clientId());
            if (!client.getClientId().equals(credential.getClientId())) {
                throw new InvalidTokenError();
            }
            verifier.verify(request, method, client, credential.getSecret());
            if (!credential.checkVerifier(verifierValue)) {
                throw new InvalidTokenError("Invalid \"oauth_verifier\"");
            }
            TokenCredential issued = tokenCredentials.create(credential, tokenGenerator.generateToken());
            Map<String, String> body = new LinkedHashMap<>();
            body.put(OAuthParameters.TOKEN, issued.getToken());
            body.put(OAuthParameters.TOKEN_SECRET, issued.getSecret());
            return OAuth1Response.form(200, body);
        } catch (OAuth1Error error) {
            return OAuth1Response.error(error);
        }
    }

    private static String required(String value, String name) throws MissingRequiredParameterError {
        if (value == null || value.isEmpty()) {
            throw new MissingRequiredParameterError(name);
        }
        return value;
    }

    private OAuth1Client findClient(String clientId) throws InvalidClientError {
        return clients.find(clientId).orElseThrow(InvalidClientError::new);
    }

    private boolean isLive(TemporaryCredential credential) {
        return clock.instant().isBefore(credential.getExpiresAt());
    }

    /** RFC 5849 §2.1 and §2.3: both requests are POSTs. */
    private static void requirePost(OAuth1Request request) throws MethodNotAllowedError {
        if (!POST.equals(request.method())) {
            throw new MethodNotAllowedError();
        }
    }
}
