/**
 * Pushed authorization requests (RFC 9126) on the OAuth 2.0 core: the client posts its authorization request to the
 * {@link dev.tollgate.par.PushedAuthorizationEndpoint} and sends the user to the authorization endpoint with only
 * {@code client_id} and the {@code request_uri} it got back, which
 * {@link dev.tollgate.par.PushedAuthorizationRequests} resolves there. Additions through the core's seams only:
 * <pre>{@code
 * PushedAuthorizationRequests.install(builder, new InMemoryPushedRequestStore(clock), PushedRequestSettings.DEFAULT);
 * }</pre>
 * Plain Java: no servlet, JPA, CDI or JCache types.
 */
package dev.tollgate.par;
