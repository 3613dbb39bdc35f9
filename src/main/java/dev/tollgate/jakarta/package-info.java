/**
 * The Jakarta EE integration: CDI beans, servlets and filters, JPA entities and
 * stores, JCache stores. Everything container-specific lives here; the protocol
 * rules live in {@code dev.tollgate.oauth1} and {@code dev.tollgate.oauth2}.
 */
package dev.tollgate.jakarta;
