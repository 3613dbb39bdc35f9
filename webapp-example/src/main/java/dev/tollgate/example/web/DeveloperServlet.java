package dev.tollgate.example.web;

import static dev.tollgate.example.web.Html.escape;

import dev.tollgate.common.Secrets;
import dev.tollgate.jakarta.oauth1.JpaOAuth1ClientStore;
import dev.tollgate.jakarta.oauth1.OAuth1ClientEntity;
import dev.tollgate.oauth1.RsaKeys;
import dev.tollgate.oauth2.RedirectUris;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /developer}: a signed-in user registers OAuth 1.0a clients (name, callback URIs, optional RSA public
 * key) and lists theirs. The client secret is shown once, on the page that answers the registration, and never
 * again.
 */
@WebServlet("/developer")
public class DeveloperServlet extends HttpServlet {

    @Inject
    JpaOAuth1ClientStore oauth1Clients;

    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Pages.requireUser(request, response)) {
            page(request, response, 200, null, "", "", "");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Pages.requireUserPost(request, response)) {
            return;
        }
        String name = Pages.field(request, "client_name");
        String callbacksText = Pages.field(request, "redirect_uris");
        String rsaKey = Pages.field(request, "rsa_public_key");
        List<String> callbacks = callbacksText.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
        String problem = validate(name, callbacks, rsaKey);
        if (problem != null) {
            page(request, response, 400, problem, name, callbacksText, rsaKey);
            return;
        }
        String clientId = Secrets.randomToken(18);
        String clientSecret = Secrets.randomToken(32);
        oauth1Clients.save(new OAuth1ClientEntity(clientId, name, clientSecret, rsaKey.isEmpty() ? null : rsaKey,
                callbacks.isEmpty() ? null : callbacks.get(0), callbacks, request.getUserPrincipal().getName(),
                clock.millis()));
        Pages.write(request, response, 200, "Client registered", "<h1>Client registered</h1>\n"
                + "<div class=\"card\">\n<dl>\n"
                + "<dt>Name</dt><dd>" + escape(name) + "</dd>\n"
                + "<dt>Client id</dt><dd><code id=\"client_id\">" + escape(clientId) + "</code></dd>\n"
                + "<dt>Client secret</dt><dd><code id=\"client_secret\">" + escape(clientSecret) + "</code></dd>\n"
                + "</dl>\n<p class=\"warning\" role=\"note\">Copy the secret now: it is not shown again.</p>\n</div>\n"
                + "<p><a href=\"" + escape(request.getContextPath()) + "/developer\">Back to your clients</a></p>\n");
    }

    private static String validate(String name, List<String> callbacks, String rsaKey) {
        if (name.isEmpty() || name.length() > 200) {
            return "Give the client a name of at most 200 characters.";
        }
        if (String.join("\n", callbacks).length() > RedirectUris.MAX_TOTAL_LENGTH) {
            return "The callback URIs must be at most " + RedirectUris.MAX_TOTAL_LENGTH + " characters together.";
        }
        if (rsaKey.length() > 4000) {
            return "The RSA public key must be at most 4000 characters of PEM.";
        }
        for (String callback : callbacks) {
            if (!isCallbackUri(callback)) {
                return "Each callback URI must be an absolute http or https URI without user info or fragment: "
                        + callback;
            }
        }
        if (!rsaKey.isEmpty()) {
            try {
                RsaKeys.registrablePublicKey(rsaKey);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return "The RSA public key must be a PEM \"PUBLIC KEY\" or \"CERTIFICATE\" block of at least "
                        + RsaKeys.MINIMUM_BITS + " bits.";
            }
        }
        return null;
    }

    private static boolean isCallbackUri(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawFragment() == null
                    && value.length() <= RedirectUris.MAX_LENGTH;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void page(HttpServletRequest request, HttpServletResponse response, int status, String problem,
            String name, String callbacks, String rsaKey) throws IOException {
        StringBuilder body = new StringBuilder("<h1>Developer</h1>\n<h2>Your OAuth 1.0a clients</h2>\n");
        List<OAuth1ClientEntity> mine = new ArrayList<>(oauth1Clients.findByUser(request.getUserPrincipal().getName()));
        if (mine.isEmpty()) {
            body.append("<p>You have not registered any client yet.</p>\n");
        } else {
            body.append("<ul id=\"oauth1-clients\" class=\"clients\">\n");
            for (OAuth1ClientEntity client : mine) {
                body.append("<li><strong>").append(escape(client.getClientName())).append("</strong> <code>")
                        .append(escape(client.getClientId())).append("</code><br><small>")
                        .append(client.getRsaPublicKey() == null ? "HMAC-SHA1, PLAINTEXT" : "HMAC-SHA1, PLAINTEXT, RSA-SHA1")
                        .append(" · callbacks: ")
                        .append(escape(client.getRedirectUris().isEmpty() ? "oob only"
                                : String.join(", ", client.getRedirectUris()) + ", oob"))
                        .append("</small></li>\n");
            }
            body.append("</ul>\n");
        }
        body.append("<h2>Register an OAuth 1.0a client</h2>\n");
        if (problem != null) {
            body.append("<p class=\"error\" role=\"alert\">").append(escape(problem)).append("</p>\n");
        }
        body.append("<form method=\"post\" action=\"").append(escape(request.getContextPath()))
                .append("/developer\" class=\"card\">\n").append(Csrf.field(request)).append('\n')
                .append("<label for=\"client_name\">Name</label>\n")
                .append("<input id=\"client_name\" name=\"client_name\" required maxlength=\"200\" value=\"")
                .append(escape(name)).append("\">\n")
                .append("<label for=\"redirect_uris\">Callback URIs, one per line</label>\n")
                .append("<textarea id=\"redirect_uris\" name=\"redirect_uris\" rows=\"3\""
                        + " aria-describedby=\"redirect_uris_hint\">").append(escape(callbacks)).append("</textarea>\n")
                .append("<p id=\"redirect_uris_hint\" class=\"hint\">The first one is the default."
                        + " <code>oob</code> is always accepted.</p>\n")
                .append("<label for=\"rsa_public_key\">RSA public key for RSA-SHA1 (optional, PEM)</label>\n")
                .append("<textarea id=\"rsa_public_key\" name=\"rsa_public_key\" rows=\"6\">")
                .append(escape(rsaKey)).append("</textarea>\n")
                .append("<button type=\"submit\">Register</button>\n</form>\n")
                .append("<p><a href=\"").append(escape(request.getContextPath()))
                .append("/developer/oauth2\">OAuth 2.0 clients</a></p>\n");
        Pages.write(request, response, status, "Developer", body.toString());
    }
}
