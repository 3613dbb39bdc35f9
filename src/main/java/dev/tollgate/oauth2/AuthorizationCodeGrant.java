package dev.tollgate.oauth2;

import dev.tollgate.common.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The authorization code grant (RFC 6749 §4.1): {@code response_type=code} at the authorization endpoint,
 * {@code grant_type=authorization_code} at the token endpoint. Codes are 256 random bits, stored as hashes,
 * single-use and bound to client, redirect URI, scope, resource owner and the request's attributes. PKCE is
 * an extension registered with it ({@link CodeChallenge}).
 */
public final class AuthorizationCodeGrant implements AuthorizationGrant, TokenGrant {

    public static final String GRANT_TYPE = "authorization_code";

    private final AuthorizationCodeStore codes;
    private final Duration lifetime;

    /** @param lifetime how long a code can be redeemed (RFC 6749 §4.1.2: 10 minutes at most) */
    public AuthorizationCodeGrant(AuthorizationCodeStore codes, Duration lifetime) {
        this.codes = codes;
        this.lifetime = lifetime;
    }

    @Override
    public ResponseType responseType() {
        return ResponseType.CODE;
    }

    @Override
    public String grantType() {
        return GRANT_TYPE;
    }

    @Override
    public ResponseMode defaultResponseMode() {
        return ResponseMode.QUERY;
    }

    @Override
    public AuthorizationResponse createAuthorizationResponse(AuthorizationRequest request, ResourceOwner owner,
                                                             Instant now) {
        String code = Secrets.randomToken(32);
        codes.save(new IssuedAuthorizationCode(Secrets.sha256(code), request.client().getClientId(),
                request.requestedRedirectUri(), Scope.format(request.scope()), owner, now.plus(lifetime),
                request.attributes()));
        return AuthorizationResponse.of(Map.of("code", code));
    }

    /**
     * Redeems a code. The store marks it used atomically, so it is used once even under concurrent requests; a
     * code presented again revokes the tokens issued from it (RFC 6749 §4.1.2), whose grant id is the code's
     * hash, and marks it replayed for a first use still issuing ({@link #confirmIssued}). An unknown code costs
     * a read and changes nothing.
     */
    @Override
    public TokenContext validateTokenRequest(TokenRequest request) {
        String code = request.form("code");
        if (code == null) {
            throw OAuth2Error.invalidRequest("Missing code.");
        }
        String codeHash = Secrets.sha256(code);
        AuthorizationCodeStore.Redemption redemption = codes.redeem(codeHash)
                .orElseThrow(() -> OAuth2Error.invalidGrant("The code is invalid, expired or already used."));
        if (!redemption.firstUse()) {
            codes.markReplayed(codeHash); // before the revocation, which a first use not yet stored would escape
            request.tokens().revokeGrant(codeHash);
            throw OAuth2Error.invalidGrant("The code is invalid, expired or already used.");
        }
        AuthorizationCode stored = redemption.code();
        if (!stored.getClientId().equals(request.client().getClientId())) {
            throw OAuth2Error.invalidGrant("The code was issued to another client.");
        }
        if (!request.now().isBefore(stored.getExpiresAt())) {
            throw OAuth2Error.invalidGrant("The code is invalid, expired or already used.");
        }
        String redirectUri = request.form("redirect_uri");
        if (stored.getRedirectUri() != null && !stored.getRedirectUri().equals(redirectUri)) {
            throw OAuth2Error.invalidGrant("The redirect_uri does not match the authorization request."); // §4.1.3
        }
        return new TokenContext(GRANT_TYPE, request.client(), stored.getResourceOwner(),
                Scope.parse(stored.getScope()), codeHash, true, stored.getAttributes());
    }

    /** A replay that came while this redemption was issuing revokes its token too. */
    @Override
    public void confirmIssued(TokenRequest request, TokenContext context) {
        if (codes.isReplayed(context.grantId())) {
            request.tokens().revokeGrant(context.grantId());
            throw OAuth2Error.invalidGrant("The code is invalid, expired or already used.");
        }
    }
}
