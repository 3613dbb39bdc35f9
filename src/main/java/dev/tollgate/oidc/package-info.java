/**
 * OpenID Connect 1.0 on the OAuth 2.0 core: signing keys that a cluster shares and rotates
 * ({@link dev.tollgate.oidc.RotatingSigningKeys}), ID tokens for the code, implicit and hybrid flows
 * ({@link dev.tollgate.oidc.OpenIdConnect}), UserInfo, the JWK Set, discovery, consent memory, pairwise subjects
 * and RP-initiated logout. Every JWS, JWE and JWK operation goes through Nimbus JOSE+JWT. Plain Java: no servlet,
 * JPA, CDI or JCache types.
 */
package dev.tollgate.oidc;
