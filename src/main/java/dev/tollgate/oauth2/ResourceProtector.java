package dev.tollgate.oauth2;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Protects resources with bearer tokens (RFC 6750): reads the token from the {@code Authorization}
 * header, or, only if allowed, from a form body (§2.2); never from the query (RFC 9700 §2.1). With a
 * {@link SenderConstraint}, tokens of its scheme too (DPoP, RFC 9449 §7): such a request must prove possession of
 * the token's key, and a token bound to a key is refused as a bearer token.
 */
public final class ResourceProtector {

    private final BearerTokenValidator validator;
    private final boolean bodyTokensAllowed;
    private final List<SenderConstraint> constraints;

    public ResourceProtector(BearerTokenValidator validator, BearerSettings settings) {
        this(validator, settings, List.of());
    }

    /** A protector that accepts the tokens of these constraints' schemes too. */
    public ResourceProtector(BearerTokenValidator validator, BearerSettings settings,
                             List<SenderConstraint> constraints) {
        this.validator = validator;
        this.bodyTokensAllowed = settings.tokenInBodyAllowed();
        this.constraints = List.copyOf(constraints);
    }

    /** Whether a token may come in a form body, so that the integration knows to read it. */
    public boolean bodyTokensAllowed() {
        return bodyTokensAllowed;
    }

    /**
     * Validates the request's token.
     *
     * @param scopes alternatives, each a space-delimited set that must be granted in full:
     *               {@code "profile email"} needs both, {@code "profile", "email"} needs either;
     *               none requires no scope
     * @return the validated token
     * @throws OAuth2Error 401 without an error code when there is no bearer token (§3.1); 400
     *                     {@code invalid_request} for a malformed one or one sent two ways; 401
     *                     {@code invalid_token}; 403 {@code insufficient_scope}; the challenge is the scheme's the
     *                     token came with, and a sender constraint's for a bound token sent as a bearer token
     */
    public OAuth2Token validateRequest(OAuth2Request request, String... scopes) {
        String authorization;
        try {
            authorization = request.authorization();
        } catch (OAuth2Error e) {
            throw validator.error(OAuth2Error.INVALID_REQUEST, e.description(), 400, null);
        }
        List<Set<String>> alternatives = Arrays.stream(scopes).map(Scope::parse).toList();
        SenderConstraint constraint = constraintOf(authorization);
        if (constraint != null) {
            return validateBound(request, constraint, authorization.substring(constraint.scheme().length() + 1)
                    .trim(), alternatives);
        }
        String fromHeader = bearerToken(authorization);
        String fromBody = bodyTokensAllowed && "POST".equals(request.method()) ? request.form("access_token") : null;
        if (fromHeader != null && fromBody != null) {
            throw validator.error(OAuth2Error.INVALID_REQUEST, "The access token was sent more than one way.", 400, null);
        }
        String token = fromHeader != null ? fromHeader : fromBody;
        if (token == null) {
            throw validator.error(null, "No access token.", 401, null);
        }
        OAuth2Token validated = validator.validate(token, alternatives);
        if (validated.getAttributes().containsKey(OAuth2Token.JWK_THUMBPRINT)) { // RFC 9449 §7.2: never as bearer
            String description = "The access token is bound to a key: present it with a proof of possession.";
            throw constraints.isEmpty() ? validator.error(OAuth2Error.INVALID_TOKEN, description, 401, null)
                    : rechallenged(constraints.get(0), new OAuth2Error(OAuth2Error.INVALID_TOKEN, description, 401));
        }
        return validated;
    }

    private OAuth2Token validateBound(OAuth2Request request, SenderConstraint constraint, String token,
                                      List<Set<String>> alternatives) {
        if (!isB64Token(token)) {
            throw rechallenged(constraint, OAuth2Error.invalidRequest("Malformed " + constraint.scheme() + " token."));
        }
        try {
            OAuth2Token validated = validator.validate(token, alternatives);
            constraint.verify(request, token, validated);
            return validated;
        } catch (OAuth2Error e) {
            throw rechallenged(constraint, e);
        }
    }

    private SenderConstraint constraintOf(String authorization) {
        if (authorization == null) {
            return null;
        }
        for (SenderConstraint constraint : constraints) {
            String scheme = constraint.scheme();
            if (authorization.regionMatches(true, 0, scheme + " ", 0, scheme.length() + 1)) {
                return constraint;
            }
        }
        return null;
    }

    private String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null; // no bearer credentials: other schemes are not ours
        }
        String token = authorization.substring(7).trim();
        if (!isB64Token(token)) {
            throw validator.error(OAuth2Error.INVALID_REQUEST, "Malformed bearer token.", 400, null);
        }
        return token;
    }

    /**
     * RFC 6750 §2.1: {@code b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. Checked
     * character by character: a JWT access token is several hundred characters, over which a regular expression of
     * this class took a tenth of the token's validation.
     */
    static boolean isB64Token(String token) {
        int end = token.length();
        while (end > 0 && token.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = token.charAt(i);
            boolean allowed = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    // the same error, with the constraint's challenge in place of the bearer one
    private OAuth2Error rechallenged(SenderConstraint constraint, OAuth2Error error) {
        return new OAuth2Error(error.error(), error.description(), error.status()).withChallenge(error.status(),
                "WWW-Authenticate", constraint.challenge(validator.realm(), error.error(), error.description()));
    }

    /**
     * The response for a validation error: JSON with the {@code WWW-Authenticate} challenge; for a request that
     * carried no credentials, the challenge alone, with no error information (RFC 6750 §3.1).
     */
    public OAuth2Response errorResponse(OAuth2Error error) {
        if (OAuth2Error.MISSING_AUTHORIZATION.equals(error.error())) {
            return new OAuth2Response(error.status(), error.headers(), "");
        }
        return OAuth2Response.fromError(error, null);
    }
}
