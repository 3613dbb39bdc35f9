/**
 * The OAuth 2.0 device authorization grant (RFC 8628) on the OAuth 2.0 seams: {@link
 * dev.tollgate.device.DeviceAuthorizationEndpoint}, {@link dev.tollgate.device.DeviceCodeGrant}, and {@link
 * dev.tollgate.device.DeviceVerification} for the application's verification page; installed by {@link
 * dev.tollgate.device.DeviceFlow#install}. Plain Java: no servlet, CDI or JCache types.
 */
package dev.tollgate.device;
