/**
 * The device authorization grant (RFC 8628) in Jakarta EE: its servlet, its JCache stores, and {@link
 * dev.tollgate.jakarta.device.Visitors} for the application's verification page, which injects the core's
 * {@code DeviceVerification}.
 */
package dev.tollgate.jakarta.device;
