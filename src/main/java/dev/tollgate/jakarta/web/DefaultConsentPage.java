package dev.tollgate.jakarta.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.TreeSet;

/**
 * Plain HTML pages: the consent form (the client, its scopes, where the browser returns, Allow and Deny), the OAuth
 * 1.0a verifier, messages; none can be framed.
 */
@ApplicationScoped
public class DefaultConsentPage implements ConsentPage {

    @Override
    public void consent(Consent consent, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String name = escape(consent.clientName());
        StringBuilder body = new StringBuilder("<h1>Authorize ").append(name).append("?</h1>\n<p>").append(name)
                .append(" (<code>").append(escape(consent.clientId()))
                .append("</code>) asks to access the account of <strong>")
                .append(escape(consent.username())).append("</strong>");
        if (consent.scopes().isEmpty()) {
            body.append(".</p>\n");
        } else {
            body.append(" with the scopes:</p>\n<ul>\n");
            new TreeSet<>(consent.scopes()).forEach(scope ->
                    body.append("<li><code>").append(escape(scope)).append("</code></li>\n"));
            body.append("</ul>\n");
        }
        body.append(consent.returnsTo() == null ? "<p>You will be shown a code to give to the application.</p>\n"
                : "<p>You then return to " + escape(consent.returnsTo()) + ".</p>\n");
        body.append("<form method=\"post\" action=\"").append(escape(consent.action())).append("\">\n");
        consent.fields().forEach((field, value) -> body.append("<input type=\"hidden\" name=\"")
                .append(escape(field)).append("\" value=\"").append(escape(value)).append("\">\n"));
        String decision = escape(consent.decisionField());
        body.append("<button name=\"").append(decision).append("\" value=\"true\">Allow</button>\n")
                .append("<button name=\"").append(decision).append("\" value=\"false\">Deny</button>\n</form>\n");
        write(HttpServletResponse.SC_OK, "Authorize " + consent.clientName(), body, response);
    }

    @Override
    public void verifier(String verifier, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        write(HttpServletResponse.SC_OK, "Authorized", "<h1>Authorized</h1>\n<p>Give this code to the application "
                + "to finish:</p>\n<p><code id=\"verifier\">" + escape(verifier) + "</code></p>\n", response);
    }

    @Override
    public void message(int status, String title, String text, HttpServletRequest request,
                        HttpServletResponse response) throws IOException {
        write(status, title, "<h1>" + escape(title) + "</h1>\n<p>" + escape(text) + "</p>\n", response);
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
