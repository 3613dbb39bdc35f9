package dev.tollgate.oauth2;

import dev.tollgate.common.Secrets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The authorization code grant (RFC 6749 §4.1) with PKCE (RFC 7636): {@code response_type=code} at
 * the authorization endpoint, {@code grant_type=authorization_code} at the token endpoint. PKCE is
 * required of public clients (and of all clients if the settings say so); {@code plain} is accepted
 * only if enabled. Codes are 256 random bits, stored as hashes, single-use and bound to client,
 * redirect URI, scope, user and challenge.
 */
public final class AuthorizationCodeGrant implements AuthorizationGrant, TokenGrant {

    public static final String RESPONSE_TYPE = "code";
    public static final String GRANT_TYPE = "authorization_code";

    private final AuthorizationCodeStore codes;

    public AuthorizationCodeGrant(AuthorizationCodeStore codes) {
        this.codes = codes;
    }

    @Override
    public String responseType() {
        return RESPONSE_TYPE;
    }

    @Override
    public String grantType() {
        return GRANT_TYPE;
    }

    @Override
    public boolean usesFragment() {
        return false;
    }

    @Override
    public Set<String> clientAuthenticationMethods() {
        return ClientAuthentication.ALL;
    }

    @Override
    public AuthorizationRequest validateAuthorizationRequest(AuthorizationRequest authorization, OAuth2Request request,
                                                             AuthorizationServer server) {
        String challenge = request.param("code_challenge");
        String method = request.param("code_challenge_method");
        OAuth2Settings settings = server.settings();
        if (challenge == null) {
            if (method != null) {
                throw OAuth2Error.invalidRequest("Missing code_challenge.");
            }
            if (authorization.client().isPublic() || settings.pkceRequiredForAllClients()) {
                throw OAuth2Error.invalidRequest("PKCE is required: missing code_challenge."); // RFC 7636 §4.4.1
            }
            return authorization;
        }
        if (!Pkce.isWellFormed(challenge)) {
            throw OAuth2Error.invalidRequest("Malformed code_challenge.");
        }
        String effectiveMethod = method == null ? Pkce.PLAIN : method; // RFC 7636 §4.3: defaults to plain
        boolean supported = Pkce.S256.equals(effectiveMethod)
                || (Pkce.PLAIN.equals(effectiveMethod) && settings.pkcePlainAllowed());
        if (!supported) {
            throw OAuth2Error.invalidRequest("Unsupported code_challenge_method."); // RFC 7636 §4.4.1
        }
        return authorization.withCodeChallenge(challenge, effectiveMethod);
    }

    @Override
    public OAuth2Response createAuthorizationResponse(AuthorizationRequest authorization, String username,
                                                      AuthorizationServer server) {
        String code = Secrets.randomToken(32);
        Instant expiresAt = server.clock().instant().plus(server.settings().authorizationCodeLifetime());
        codes.save(new IssuedAuthorizationCode(Secrets.sha256(code), authorization.client().getClientId(),
                authorization.requestedRedirectUri(), Scope.format(authorization.scope()), username, expiresAt,
                authorization.codeChallenge(), authorization.codeChallengeMethod()));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", code);
        parameters.put("state", authorization.state());
        parameters.put("iss", server.settings().issuer()); // RFC 9207 §2
        return OAuth2Response.redirect(authorization.redirectUri(), parameters, false);
    }

    /**
     * Redeems a code. The code is taken from the store atomically, so it is used once even under
     * concurrent requests; a code presented again revokes the tokens issued from it (RFC 6749 §4.1.2),
     * which share the grant id of the code's hash.
     */
    @Override
    public OAuth2Response createTokenResponse(OAuth2Request request, OAuth2Client client, AuthorizationServer server) {
        String code = request.form("code");
        if (code == null) {
            throw OAuth2Error.invalidRequest("Missing code.");
        }
        String codeHash = Secrets.sha256(code);
        AuthorizationCode stored = codes.take(codeHash).orElse(null);
        if (stored == null) {
            server.revokeGrant(codeHash);
            throw OAuth2Error.invalidGrant("The code is invalid, expired or already used.");
        }
        if (!stored.getClientId().equals(client.getClientId())) {
            throw OAuth2Error.invalidGrant("The code was issued to another client.");
        }
        if (!server.clock().instant().isBefore(stored.getExpiresAt())) {
            throw OAuth2Error.invalidGrant("The code is invalid, expired or already used.");
        }
        String redirectUri = request.form("redirect_uri");
        if (stored.getRedirectUri() != null && !stored.getRedirectUri().equals(redirectUri)) {
            throw OAuth2Error.invalidGrant("The redirect_uri does not match the authorization request."); // §4.1.3
        }
        checkCodeVerifier(request.form("code_verifier"), stored);
        TokenResponse token = server.tokenIssuer().issue(GRANT_TYPE, client, stored.getUsername(),
                Scope.parse(stored.getScope()), codeHash, server.issuesRefreshTokens(client));
        return OAuth2Response.json(200, token.toJson());
    }

    // RFC 7636 §4.6; RFC 9700 §2.1.1: a verifier without a challenge is a downgrade and is refused too.
    private static void checkCodeVerifier(String verifier, AuthorizationCode code) {
        if (code.getCodeChallenge() == null) {
            if (verifier != null) {
                throw OAuth2Error.invalidGrant("A code_verifier was sent, but the authorization had no code_challenge.");
            }
            return;
        }
        if (verifier == null) {
            throw OAuth2Error.invalidGrant("Missing code_verifier.");
        }
        if (!Pkce.isWellFormed(verifier) || !Pkce.verify(verifier, code.getCodeChallenge(), code.getCodeChallengeMethod())) {
            throw OAuth2Error.invalidGrant("The code_verifier does not match the code_challenge.");
        }
    }
}
