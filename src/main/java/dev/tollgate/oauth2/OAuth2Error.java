package dev.tollgate.oauth2;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An OAuth 2.0 error: the RFC {@code error} code, a description, an optional URI, the HTTP status,
 * extra response headers and, for the authorization endpoint, the {@code state} and the validated
 * redirect target. {@link OAuth2Response#fromError} turns it into a response.
 *
 * <p>An error with a {@link #redirectUri()} is sent back to the client by redirect; one without it
 * is shown to the user (authorization endpoint) or returned as JSON (every other endpoint).
 */
public final class OAuth2Error extends RuntimeException {

    private static final long serialVersionUID = 1L;

    // RFC 6749 §4.1.2.1, §5.2
    public static final String INVALID_REQUEST = "invalid_request";
    public static final String INVALID_CLIENT = "invalid_client";
    public static final String INVALID_GRANT = "invalid_grant";
    public static final String UNAUTHORIZED_CLIENT = "unauthorized_client";
    public static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";
    public static final String INVALID_SCOPE = "invalid_scope";
    public static final String UNSUPPORTED_RESPONSE_TYPE = "unsupported_response_type";
    public static final String ACCESS_DENIED = "access_denied";
    public static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";
    // RFC 6750 §3.1
    public static final String INVALID_TOKEN = "invalid_token";
    public static final String INSUFFICIENT_SCOPE = "insufficient_scope";
    /**
     * Marks a request to a protected resource without credentials; never sent: RFC 6750 §3.1 keeps error
     * information out of the challenge, and {@link ResourceProtector#errorResponse} out of the body.
     */
    public static final String MISSING_AUTHORIZATION = "missing_authorization";
    // RFC 7591 §3.2.2
    public static final String INVALID_REDIRECT_URI = "invalid_redirect_uri";
    public static final String INVALID_CLIENT_METADATA = "invalid_client_metadata";

    private final String error;
    private final String description;
    private final String uri;
    private final int status;
    private final Map<String, String> headers;
    private final String state;
    private final String redirectUri;
    private final ResponseMode responseMode;

    /** An error answered directly (not redirected) with the given HTTP status. */
    public OAuth2Error(String error, String description, int status) {
        this(error, description, null, status, Map.of(), null, null, null);
    }

    private OAuth2Error(String error, String description, String uri, int status, Map<String, String> headers,
                        String state, String redirectUri, ResponseMode responseMode) {
        super(error + (description == null ? "" : ": " + description));
        this.error = error;
        this.description = description;
        this.uri = uri;
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.state = state;
        this.redirectUri = redirectUri;
        this.responseMode = responseMode;
    }

    public static OAuth2Error invalidRequest(String description) {
        return new OAuth2Error(INVALID_REQUEST, description, 400);
    }

    /** {@code invalid_client} answered with 400, for clients that did not try HTTP authentication. */
    public static OAuth2Error invalidClient(String description) {
        return new OAuth2Error(INVALID_CLIENT, description, 400);
    }

    public static OAuth2Error invalidGrant(String description) {
        return new OAuth2Error(INVALID_GRANT, description, 400);
    }

    public static OAuth2Error unauthorizedClient(String description) {
        return new OAuth2Error(UNAUTHORIZED_CLIENT, description, 400);
    }

    public static OAuth2Error unsupportedGrantType(String description) {
        return new OAuth2Error(UNSUPPORTED_GRANT_TYPE, description, 400);
    }

    public static OAuth2Error invalidScope(String description) {
        return new OAuth2Error(INVALID_SCOPE, description, 400);
    }

    public static OAuth2Error unsupportedResponseType(String description) {
        return new OAuth2Error(UNSUPPORTED_RESPONSE_TYPE, description, 400);
    }

    public static OAuth2Error accessDenied(String description) {
        return new OAuth2Error(ACCESS_DENIED, description, 400);
    }

    /** The server cannot answer now, e.g. while its database is down: 503 with {@code Retry-After} (RFC 9110 §10.2.3). */
    public static OAuth2Error temporarilyUnavailable() {
        return new OAuth2Error(TEMPORARILY_UNAVAILABLE, "The server cannot answer now; try again shortly.", 503)
                .withChallenge(503, "Retry-After", "5");
    }

    public static OAuth2Error invalidRedirectUri(String description) {
        return new OAuth2Error(INVALID_REDIRECT_URI, description, 400);
    }

    public static OAuth2Error invalidClientMetadata(String description) {
        return new OAuth2Error(INVALID_CLIENT_METADATA, description, 400);
    }

    /** This error with a different status and an extra response header, e.g. a 401 challenge. */
    public OAuth2Error withChallenge(int newStatus, String headerName, String headerValue) {
        Map<String, String> merged = new LinkedHashMap<>(headers);
        merged.put(headerName, headerValue);
        return new OAuth2Error(error, description, uri, newStatus, merged, state, redirectUri, responseMode);
    }

    /**
     * This error sent to a validated redirect URI (RFC 6749 §4.1.2.1, §4.2.2.1) in the request's response
     * mode.
     */
    public OAuth2Error redirectTo(String validatedRedirectUri, String newState, ResponseMode mode) {
        return new OAuth2Error(error, description, uri, status, headers, newState, validatedRedirectUri,
                Objects.requireNonNull(mode, "mode"));
    }

    /** This error with an {@code error_uri} pointing at a page about it. */
    public OAuth2Error withUri(String errorUri) {
        return new OAuth2Error(error, description, errorUri, status, headers, state, redirectUri, responseMode);
    }

    /** The RFC error code, e.g. {@code invalid_request}. */
    public String error() {
        return error;
    }

    public String description() {
        return description;
    }

    public String uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    /** Extra response headers, e.g. {@code WWW-Authenticate}. */
    public Map<String, String> headers() {
        return headers;
    }

    public String state() {
        return state;
    }

    /** The validated redirect URI the error goes to, or {@code null} if it must not be redirected. */
    public String redirectUri() {
        return redirectUri;
    }

    /** How a redirected error reaches the client, or {@code null} when it is not redirected. */
    public ResponseMode responseMode() {
        return responseMode;
    }

    /** Whether this error is answered by redirecting to the client. */
    public boolean isRedirect() {
        return redirectUri != null;
    }
}
