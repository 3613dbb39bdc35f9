package dev.tollgate.oidc;

import dev.tollgate.oauth2.OAuth2Response;
import dev.tollgate.oauth2.ResponseMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code form_post} response mode (OAuth 2.0 Form Post Response Mode §2): an HTML page whose form posts the
 * parameters to the redirect URI by itself. Its Content Security Policy allows that one script and a form to
 * the redirect URI's origin, and nothing else; it may not be framed or cached.
 */
public final class FormPost implements ResponseMode {

    public static final String NAME = "form_post";

    private static final String SCRIPT = "document.forms[0].submit();";
    private static final String SCRIPT_HASH = sha256(SCRIPT);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OAuth2Response respond(String redirectUri, Map<String, String> parameters) {
        StringBuilder html = new StringBuilder(512)
                .append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Submit</title></head>\n")
                .append("<body><form method=\"post\" action=\"").append(escape(redirectUri)).append("\">\n");
        parameters.forEach((name, value) -> {
            if (value != null) {
                html.append("<input type=\"hidden\" name=\"").append(escape(name)).append("\" value=\"")
                        .append(escape(value)).append("\">\n");
            }
        });
        html.append("<noscript><button type=\"submit\">Continue</button></noscript></form>\n")
                .append("<script>").append(SCRIPT).append("</script></body></html>\n");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/html;charset=UTF-8");
        headers.put("Cache-Control", "no-store");
        headers.put("Pragma", "no-cache");
        headers.put("Content-Security-Policy", "default-src 'none'; script-src '" + SCRIPT_HASH + "'; form-action "
                + origin(redirectUri) + "; frame-ancestors 'none'; base-uri 'none'");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        return new OAuth2Response(200, headers, html.toString());
    }

    // a CSP source: scheme, host and port of a web URI; the scheme alone for a native app's private-use one
    private static String origin(String redirectUri) {
        try {
            URI uri = new URI(redirectUri);
            if (uri.getHost() == null) {
                return uri.getScheme() + ":";
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException e) {
            return "'none'"; // a registered redirect URI is valid; nothing is allowed if not
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String sha256(String script) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
