package dev.tollgate.jakarta.web;

import dev.tollgate.jakarta.oauth2.OAuth2ClientEntity;
import dev.tollgate.oauth2.OAuth2Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.TreeSet;

/** A plain HTML consent page: the client, the scopes, where the browser returns, Allow and Deny. */
@ApplicationScoped
public class DefaultConsentPage implements ConsentPage {

    @Override
    public void consent(Consent consent, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        OAuth2Client client = consent.request().client();
        String name = client instanceof OAuth2ClientEntity entity && entity.getClientName() != null
                && !entity.getClientName().isBlank() ? entity.getClientName() : client.getClientId();
        if (client.isDynamicallyRegistered()) {
            name += " (unverified)"; // RFC 7591 §5: nobody vouches for a name a client gave itself
        }
        StringBuilder body = new StringBuilder("<h1>Authorize ").append(escape(name)).append("?</h1>\n<p>")
                .append(escape(name)).append(" asks to access the account of <strong>")
                .append(escape(consent.username())).append("</strong> with the scopes:</p>\n<ul>\n");
        new TreeSet<>(consent.request().scope()).forEach(scope ->
                body.append("<li><code>").append(escape(scope)).append("</code></li>\n"));
        body.append("</ul>\n<p>You then return to ")
                .append(escape(URI.create(consent.request().redirectUri()).getHost())).append(".</p>\n")
                .append("<form method=\"post\" action=\"").append(escape(consent.action())).append("\">\n");
        consent.fields().forEach((field, value) -> body.append("<input type=\"hidden\" name=\"")
                .append(escape(field)).append("\" value=\"").append(escape(value)).append("\">\n"));
        body.append("<button name=\"confirm\" value=\"true\">Allow</button>\n")
                .append("<button name=\"confirm\" value=\"false\">Deny</button>\n</form>\n");
        write(HttpServletResponse.SC_OK, "Authorize " + name, body, response);
    }

    @Override
    public void error(int status, String error, String description, HttpServletRequest request,
                      HttpServletResponse response) throws IOException {
        write(status, "Authorization refused", new StringBuilder("<h1>This authorization request cannot be used</h1>\n<p>")
                .append(escape(description)).append(" (<code>").append(escape(error)).append("</code>)</p>\n"),
                response);
    }

    private static void write(int status, String title, CharSequence body, HttpServletResponse response)
            throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Frame-Options", "DENY"); // no clickjacking of the Allow button
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>"
                + escape(title) + "</title></head>\n<body>\n" + body + "</body>\n</html>\n");
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
