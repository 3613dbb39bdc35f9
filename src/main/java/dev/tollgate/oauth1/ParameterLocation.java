package dev.tollgate.oauth1;

/** Where a request parameter was sent (RFC 5849 §3.5). */
public enum ParameterLocation {
    /** The {@code Authorization: OAuth} header (RFC 5849 §3.5.1). */
    AUTHORIZATION_HEADER,
    /** An {@code application/x-www-form-urlencoded} entity-body (RFC 5849 §3.5.2). */
    BODY,
    /** The query component of the request URI (RFC 5849 §3.5.3). */
    QUERY
}
