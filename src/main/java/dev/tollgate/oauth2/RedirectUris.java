package dev.tollgate.oauth2;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Rules for redirect URIs: how a requested one matches a registered one, and which can be registered. */
public final class RedirectUris {

    private static final Set<String> LOOPBACK_IPS = Set.of("127.0.0.1", "[::1]");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");
    private static final Set<String> DANGEROUS_SCHEMES = Set.of("javascript", "data", "vbscript", "file");

    private RedirectUris() {
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
        return a != null && b != null
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

    private static URI parse(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
