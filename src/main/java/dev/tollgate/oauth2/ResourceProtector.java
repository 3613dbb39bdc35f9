package dev.tollgate.oauth2;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Protects resources with bearer tokens (RFC 6750): reads the token from the {@code Authorization}
 * header, or, only if allowed, from a form body (§2.2); never from the query (RFC 9700 §2.1).
 */
public final class ResourceProtector {

    // RFC 6750 §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private final BearerTokenValidator validator;
    private final boolean bodyTokensAllowed;

    public ResourceProtector(BearerTokenValidator validator, BearerSettings settings) {
        this.validator = validator;
        this.bodyTokensAllowed = settings.tokenInBodyAllowed();
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
     *                     {@code invalid_token}; 403 {@code insufficient_scope}
     */
    public OAuth2Token validateRequest(OAuth2Request request, String... scopes) {
        String fromHeader = headerToken(request);
        String fromBody = bodyTokensAllowed && "POST".equals(request.method()) ? request.form("access_token") : null;
        if (fromHeader != null && fromBody != null) {
            throw validator.error(OAuth2Error.INVALID_REQUEST, "The access token was sent more than one way.", 400, null);
        }
        String token = fromHeader != null ? fromHeader : fromBody;
        if (token == null) {
            throw validator.error(null, "No access token.", 401, null);
        }
        List<Set<String>> alternatives = Arrays.stream(scopes).map(Scope::parse).toList();
        return validator.validate(token, alternatives);
    }

    private String headerToken(OAuth2Request request) {
        String authorization;
        try {
            authorization = request.authorization();
        } catch (OAuth2Error e) {
            throw validator.error(OAuth2Error.INVALID_REQUEST, e.description(), 400, null);
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null; // no bearer credentials: other schemes are not ours
        }
        String token = authorization.substring(7).trim();
        if (!B64TOKEN.matcher(token).matches()) {
            throw validator.error(OAuth2Error.INVALID_REQUEST, "Malformed bearer token.", 400, null);
        }
        return token;
    }

    /** The response for a validation error: JSON with the {@code WWW-Authenticate} challenge. */
    public OAuth2Response errorResponse(OAuth2Error error) {
        return OAuth2Response.fromError(error, null);
    }
}
