/**
 * The OAuth 2.0 authorization server core (RFC 6749 and its extensions: RFC 6750 bearer tokens,
 * RFC 7009 revocation, RFC 7591 registration, RFC 7636 PKCE, RFC 7662 introspection, RFC 8414
 * metadata, RFC 9207 issuer identification), shaped after Authlib's server: an
 * {@link dev.tollgate.oauth2.OAuth2Server} built with grants, grant extensions, client authentication
 * methods, response modes and endpoints, model
 * interfaces the application's entities implement, and one narrow store interface per concern.
 * Plain Java: no servlet, JPA, CDI or JCache types; JSON through JSON-P.
 */
package dev.tollgate.oauth2;
