package dev.tollgate.example.web;

import static dev.tollgate.example.web.Html.escape;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The consent page, the same for every protocol: which client asks, what it would get, and Allow / Deny
 * buttons that post {@code decisionField=true} or {@code decisionField=false} with the hidden fields and the
 * CSRF token to {@code action}.
 *
 * @param action        where the form posts, e.g. {@code /oauth1/authorize}
 * @param clientName    the client's name as registered
 * @param clientId      the client's id
 * @param details       lines that describe the request (where the browser returns, scopes ...)
 * @param hidden        hidden form fields, e.g. {@code oauth_token}
 * @param decisionField the name of the Allow / Deny field: {@code granted} (OAuth 1), {@code confirm} (OAuth 2)
 */
public record Consent(String action, String clientName, String clientId, List<String> details,
        Map<String, String> hidden, String decisionField) {

    public void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Authorize <span id=\"client-name\">").append(escape(clientName)).append("</span>?</h1>\n")
                .append("<div class=\"card\">\n<p><strong>").append(escape(clientName))
                .append("</strong> (client id <code id=\"client-id\">").append(escape(clientId))
                .append("</code>) asks to access your account <strong>")
                .append(escape(request.getUserPrincipal().getName())).append("</strong>.</p>\n<ul>\n");
        for (String detail : details) {
            body.append("<li>").append(escape(detail)).append("</li>\n");
        }
        body.append("</ul>\n<form method=\"post\" action=\"").append(escape(action)).append("\">\n")
                .append(Csrf.field(request)).append('\n');
        hidden.forEach((name, value) -> body.append("<input type=\"hidden\" name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\">\n"));
        String field = escape(decisionField);
        body.append("<div class=\"actions\">\n")
                .append("<button type=\"submit\" name=\"").append(field).append("\" value=\"true\">Allow</button>\n")
                .append("<button type=\"submit\" name=\"").append(field)
                .append("\" value=\"false\" class=\"secondary\">Deny</button>\n")
                .append("</div>\n</form>\n</div>\n");
        Pages.write(request, response, HttpServletResponse.SC_OK, "Authorize " + clientName, body.toString());
    }
}
