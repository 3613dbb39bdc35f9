package dev.tollgate.jakarta.servlet;

/**
 * How the absolute URL of a request is rebuilt. Signatures (RFC 5849 §3.4.1.2) and issuer URLs depend on the
 * URL the client addressed, which a reverse proxy hides; only a proxy you control may tell it.
 *
 * @param trustForwardedHeaders read {@code X-Forwarded-Proto}, {@code X-Forwarded-Host} and
 *                              {@code X-Forwarded-Port}; off by default, because any client can send them
 */
public record ProxySettings(boolean trustForwardedHeaders) {

    /** Forwarded headers ignored: the URL is the one the servlet container saw. */
    public static ProxySettings direct() {
        return new ProxySettings(false);
    }
}
