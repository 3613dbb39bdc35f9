package dev.tollgate.oauth2;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Rules for redirect URIs: how a requested one matches a registered one, and which can be registered. */
public final class RedirectUris {

    private static final Set<String> LOOPBACK_IPS = Set.of("127.0.0.1", "[::1]");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");
    private static final Set<String> DANGEROUS_SCHEMES = Set.of("javascript", "data", "vbscript", "file");

    /** The longest redirect URI: what a code's column holds. */
    public static final int MAX_LENGTH = 2000;
    /** The longest list of a client's redirect URIs, joined by line breaks: what the client tables hold. */
    public static final int MAX_TOTAL_LENGTH = 8000;

    private RedirectUris() {
    }

    /**
     * Checks a client's list of redirect URIs: each as {@link #checkRegistrable(String)} says, and all within
     * the lengths that storage holds.
     *
     * @throws OAuth2Error {@code invalid_redirect_uri}
     */
    public static void checkRegistrable(List<String> redirectUris) {
        if (String.join("\n", redirectUris).length() > MAX_TOTAL_LENGTH) {
            throw OAuth2Error.invalidRedirectUri("The redirect URIs are longer than " + MAX_TOTAL_LENGTH
                    + " characters together.");
        }
        redirectUris.forEach(RedirectUris::checkRegistrable);
    }

    /**
     * Exact string match (RFC 9700 §2.1), except that for an {@code http} loopback IP literal the port
     * may differ (RFC 8252 §7.3).
     */
    public static boolean matches(String registered, String requested) {
        if (registered.equals(requested)) {
            return true;
        }
        URI a = parse(registered);
        URI b = parse(requested);
        return a != null && b != null && hasCanonicalPort(a) && hasCanonicalPort(b)
                && "http".equals(a.getScheme()) && "http".equals(b.getScheme())
                && LOOPBACK_IPS.contains(a.getHost()) && a.getHost().equals(b.getHost())
                && a.getRawUserInfo() == null && b.getRawUserInfo() == null
                && Objects.equals(a.getRawPath(), b.getRawPath())
                && Objects.equals(a.getRawQuery(), b.getRawQuery())
                && a.getRawFragment() == null && b.getRawFragment() == null;
    }

    /**
     * Checks a redirect URI offered at registration: absolute {@code https}, {@code http} only on a
     * loopback host, or a private-use scheme for native apps (RFC 8252 §7.1, §7.3, §8.4; RFC 9700 §2.6);
     * no fragment (RFC 6749 §3.1.2) and no userinfo.
     *
     * @throws OAuth2Error {@code invalid_redirect_uri}
     */
    public static void checkRegistrable(String redirectUri) {
        if (redirectUri.length() > MAX_LENGTH) {
            throw OAuth2Error.invalidRedirectUri("A redirect URI is longer than " + MAX_LENGTH + " characters.");
        }
        URI uri = parse(redirectUri);
        if (uri == null || !uri.isAbsolute()) {
            throw OAuth2Error.invalidRedirectUri("A redirect URI must be an absolute URI.");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (DANGEROUS_SCHEMES.contains(scheme)) {
            throw OAuth2Error.invalidRedirectUri("The scheme '" + scheme + "' is not allowed.");
        }
        if (redirectUri.indexOf('#') >= 0) {
            throw OAuth2Error.invalidRedirectUri("A redirect URI must not have a fragment.");
        }
        if (uri.isOpaque()) {
            throw OAuth2Error.invalidRedirectUri("A redirect URI must be hierarchical.");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw OAuth2Error.invalidRedirectUri("A redirect URI must not have userinfo.");
        }
        if (!hasCanonicalPort(uri)) {
            throw OAuth2Error.invalidRedirectUri("A redirect URI's port must be 1 to 65535, without leading zeros.");
        }
        switch (scheme) {
            case "https" -> {
                if (uri.getHost() == null) {
                    throw OAuth2Error.invalidRedirectUri("An https redirect URI needs a host.");
                }
            }
            case "http" -> {
                if (uri.getHost() == null || !LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
                    throw OAuth2Error.invalidRedirectUri("http is allowed only on a loopback host.");
                }
            }
            default -> {
                if (scheme.indexOf('.') < 0) {
                    throw OAuth2Error.invalidRedirectUri("A private-use scheme must be a reverse domain name.");
                }
            }
        }
    }

    // RFC 3986 §3.2.3 allows ":", ":0" or ":08765"; a port here is absent or a canonical 1 to 65535.
    private static boolean hasCanonicalPort(URI uri) {
        String authority = uri.getRawAuthority();
        if (authority == null || uri.getHost() == null) {
            return authority == null || authority.indexOf(':') < 0;
        }
        String port = authority.substring(authority.lastIndexOf(uri.getHost()) + uri.getHost().length());
        if (port.isEmpty()) {
            return true;
        }
        return port.matches(":[1-9][0-9]{0,4}") && Integer.parseInt(port.substring(1)) <= 65535;
    }

    private static URI parse(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
