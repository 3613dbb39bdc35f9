/**
 * Small primitives both protocol cores share: RFC 3986 percent-encoding, the
 * {@code application/x-www-form-urlencoded} format and secret handling.
 * Plain Java, like the cores.
 */
package dev.tollgate.common;
