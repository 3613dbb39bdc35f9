package dev.tollgate.example.oauth2;

import static dev.tollgate.example.web.Html.escape;

import dev.tollgate.common.Secrets;
import dev.tollgate.example.web.Csrf;
import dev.tollgate.example.web.Pages;
import dev.tollgate.jakarta.oauth2.JpaOAuth2ClientStore;
import dev.tollgate.jakarta.oauth2.OAuth2ClientEntity;
import dev.tollgate.oauth2.ClientMetadata;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.RedirectUris;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code /developer/oauth2}: a signed-in user registers an OAuth 2.0 client for the authorization-code flow
 * (with refresh tokens) and sees its secret once; the redirect URIs obey the same rules as dynamic
 * registration (RFC 8252: https, http on loopback only, or a private-use scheme).
 */
@WebServlet("/developer/oauth2")
public class OAuth2DeveloperServlet extends HttpServlet {

    private static final Map<String, String> AUTH_METHODS = Map.of(
            "client_secret_basic", "Confidential, secret in the Authorization header",
            "client_secret_post", "Confidential, secret in the form",
            "none", "Public (native or browser app), PKCE only");

    @Inject
    JpaOAuth2ClientStore clients;

    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Pages.requireUser(request, response)) {
            page(request, response, 200, null, "", "");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Pages.requireUserPost(request, response)) {
            return;
        }
        String name = Pages.field(request, "client_name");
        String urisText = Pages.field(request, "redirect_uris");
        String method = Pages.field(request, "token_endpoint_auth_method");
        List<String> uris = urisText.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
        String problem = validate(name, uris, method);
        if (problem != null) {
            page(request, response, 400, problem, name, urisText);
            return;
        }
        String clientId = Secrets.randomToken(18);
        String secret = "none".equals(method) ? null : Secrets.randomToken(32);
        clients.save(new OAuth2ClientEntity(clientId, name, secret == null ? null : Secrets.sha256(secret), method, uris,
                List.of("authorization_code", "refresh_token"), List.of("code"), "profile email",
                request.getUserPrincipal().getName(), clock.millis()));
        Pages.write(request, response, 200, "Client registered", "<h1>Client registered</h1>\n"
                + "<div class=\"card\">\n<dl>\n"
                + "<dt>Name</dt><dd>" + escape(name) + "</dd>\n"
                + "<dt>Client id</dt><dd><code id=\"client_id\">" + escape(clientId) + "</code></dd>\n"
                + (secret == null ? "<dt>Client secret</dt><dd>none: a public client proves itself with PKCE</dd>\n"
                        : "<dt>Client secret</dt><dd><code id=\"client_secret\">" + escape(secret) + "</code></dd>\n")
                + "</dl>\n"
                + (secret == null ? "" : "<p class=\"warning\" role=\"note\">Copy the secret now: it is not shown"
                        + " again, and only its hash is kept.</p>\n")
                + "</div>\n<p><a href=\"" + escape(request.getContextPath())
                + "/developer/oauth2\">Back to your clients</a></p>\n");
    }

    private static String validate(String name, List<String> uris, String method) {
        if (name.isEmpty() || name.length() > ClientMetadata.MAX_CLIENT_NAME) {
            return "Give the client a name of at most " + ClientMetadata.MAX_CLIENT_NAME + " characters.";
        }
        if (!AUTH_METHODS.containsKey(method)) {
            return "Choose how the client authenticates.";
        }
        if (uris.isEmpty()) {
            return "Give at least one redirect URI.";
        }
        try {
            RedirectUris.checkRegistrable(uris);
        } catch (OAuth2Error error) {
            return error.description();
        }
        return null;
    }

    private void page(HttpServletRequest request, HttpServletResponse response, int status, String problem,
            String name, String uris) throws IOException {
        StringBuilder body = new StringBuilder("<h1>Developer</h1>\n<h2>Your OAuth 2.0 clients</h2>\n");
        List<OAuth2ClientEntity> mine = clients.findByUser(request.getUserPrincipal().getName());
        if (mine.isEmpty()) {
            body.append("<p>You have not registered any OAuth 2.0 client yet.</p>\n");
        } else {
            body.append("<ul id=\"oauth2-clients\" class=\"clients\">\n");
            for (OAuth2ClientEntity client : mine) {
                body.append("<li><strong>").append(escape(client.getClientName())).append("</strong> <code>")
                        .append(escape(client.getClientId())).append("</code><br><small>")
                        .append(escape(client.getTokenEndpointAuthMethod())).append(" · redirect URIs: ")
                        .append(escape(String.join(", ", client.getRedirectUris()))).append("</small></li>\n");
            }
            body.append("</ul>\n");
        }
        body.append("<h2>Register an OAuth 2.0 client</h2>\n");
        if (problem != null) {
            body.append("<p class=\"error\" role=\"alert\">").append(escape(problem)).append("</p>\n");
        }
        body.append("<form method=\"post\" action=\"").append(escape(request.getContextPath()))
                .append("/developer/oauth2\" class=\"card\">\n").append(Csrf.field(request)).append('\n')
                .append("<label for=\"client_name\">Name</label>\n")
                .append("<input id=\"client_name\" name=\"client_name\" required maxlength=\"200\" value=\"")
                .append(escape(name)).append("\">\n")
                .append("<label for=\"redirect_uris\">Redirect URIs, one per line</label>\n")
                .append("<textarea id=\"redirect_uris\" name=\"redirect_uris\" rows=\"3\" required>")
                .append(escape(uris)).append("</textarea>\n")
                .append("<fieldset>\n<legend>Client authentication</legend>\n");
        for (String method : List.of("client_secret_basic", "client_secret_post", "none")) {
            body.append("<label><input type=\"radio\" name=\"token_endpoint_auth_method\" value=\"").append(method)
                    .append('"').append("client_secret_basic".equals(method) ? " checked" : "").append("> ")
                    .append(escape(AUTH_METHODS.get(method))).append("</label>\n");
        }
        body.append("</fieldset>\n<button type=\"submit\">Register</button>\n</form>\n")
                .append("<p><a href=\"").append(escape(request.getContextPath()))
                .append("/developer\">OAuth 1.0a clients</a></p>\n");
        Pages.write(request, response, status, "Developer: OAuth 2.0", body.toString());
    }
}
