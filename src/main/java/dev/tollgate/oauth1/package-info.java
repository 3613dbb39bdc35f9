/**
 * The OAuth 1.0a protocol (RFC 5849), server side, in plain Java: requests and responses, signature methods,
 * the {@link dev.tollgate.oauth1.OAuth1Server} endpoints and the
 * {@link dev.tollgate.oauth1.ResourceProtector}. Storage and models are interfaces that an integration
 * implements; nothing here depends on a container API.
 */
package dev.tollgate.oauth1;
