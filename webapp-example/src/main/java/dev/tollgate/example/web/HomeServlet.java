package dev.tollgate.example.web;

import static dev.tollgate.example.web.Html.escape;

import dev.tollgate.jakarta.oidc.OpenIdServer;
import dev.tollgate.oidc.Consent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code GET /}: for a signed-in user, the clients they authorized, from every {@link GrantSource}, each with a
 * Revoke button; {@code POST /grants/revoke} (form {@code protocol}, {@code client_id} and the CSRF token)
 * takes one back; then the OpenID Connect consents they gave, each with a Revoke button that posts
 * {@code /consents/revoke} ({@code client_id}), which forgets the consent and revokes the client's tokens.
 * Anyone else sees a welcome page.
 */
@WebServlet(urlPatterns = {"", "/grants/revoke", "/consents/revoke"})
public class HomeServlet extends HttpServlet {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    Instance<GrantSource> sources;

    @Inject
    OpenIdServer openId;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/".equals(request.getRequestURI().substring(request.getContextPath().length()))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String ctx = escape(request.getContextPath());
        if (request.getUserPrincipal() == null) {
            Pages.write(request, response, 200, "Welcome", "<h1>Tollgate example</h1>\n"
                    + "<p>An OAuth 1.0a, OAuth 2.0 and OpenID Connect authorization server. <a href=\"" + ctx
                    + "/login\">Sign in</a> to see the applications you have authorized, or to register one.</p>\n");
            return;
        }
        String user = request.getUserPrincipal().getName();
        List<Grant> grants = new ArrayList<>();
        sources.forEach(source -> grants.addAll(source.grants(user)));
        grants.sort(Comparator.comparingLong(Grant::lastGranted).reversed());

        StringBuilder body = new StringBuilder("<h1>Authorized applications</h1>\n");
        if (grants.isEmpty()) {
            body.append("<p id=\"no-grants\">You have not authorized any application.</p>\n");
        } else {
            body.append("<table id=\"grants\">\n<caption>Applications that can access your account</caption>\n"
                    + "<thead><tr><th scope=\"col\">Application</th><th scope=\"col\">Client id</th>"
                    + "<th scope=\"col\">Protocol</th><th scope=\"col\">Last authorized</th>"
                    + "<th scope=\"col\"><span class=\"visually-hidden\">Action</span></th></tr></thead>\n<tbody>\n");
            for (Grant grant : grants) {
                body.append("<tr><td>").append(escape(grant.clientName())).append("</td><td><code>")
                        .append(escape(grant.clientId())).append("</code></td><td>").append(escape(grant.protocol()))
                        .append("<br><small>").append(escape(grant.detail())).append("</small></td><td>")
                        .append(escape(WHEN.format(Instant.ofEpochMilli(grant.lastGranted())))).append("</td><td>")
                        .append("<form method=\"post\" action=\"").append(ctx).append("/grants/revoke\">")
                        .append(Csrf.field(request))
                        .append("<input type=\"hidden\" name=\"protocol\" value=\"").append(escape(grant.protocol()))
                        .append("\"><input type=\"hidden\" name=\"client_id\" value=\"")
                        .append(escape(grant.clientId())).append("\">")
                        .append("<button type=\"submit\" class=\"danger\" aria-label=\"Revoke ")
                        .append(escape(grant.clientName())).append("\">Revoke</button></form></td></tr>\n");
            }
            body.append("</tbody>\n</table>\n");
        }
        consents(request, user, body);
        Pages.write(request, response, 200, "Authorized applications", body.toString());
    }

    private void consents(HttpServletRequest request, String user, StringBuilder body) {
        List<Consent> consents = openId.consents(user);
        body.append("<h2>Remembered consents</h2>\n");
        if (consents.isEmpty()) {
            body.append("<p id=\"no-consents\">You have no remembered consent: every application asks.</p>\n");
            return;
        }
        String ctx = escape(request.getContextPath());
        body.append("<table id=\"consents\">\n<caption>Applications that sign you in without asking</caption>\n"
                + "<thead><tr><th scope=\"col\">Client id</th><th scope=\"col\">Scope</th>"
                + "<th scope=\"col\">Given</th><th scope=\"col\"><span class=\"visually-hidden\">Action</span></th>"
                + "</tr></thead>\n<tbody>\n");
        for (Consent consent : consents) {
            body.append("<tr><td><code>").append(escape(consent.clientId())).append("</code></td><td>")
                    .append(escape(String.join(" ", new TreeSet<>(consent.scope())))).append("</td><td>")
                    .append(escape(WHEN.format(consent.grantedAt()))).append("</td><td>")
                    .append("<form method=\"post\" action=\"").append(ctx).append("/consents/revoke\">")
                    .append(Csrf.field(request))
                    .append("<input type=\"hidden\" name=\"client_id\" value=\"").append(escape(consent.clientId()))
                    .append("\"><button type=\"submit\" class=\"danger\" aria-label=\"Revoke consent to ")
                    .append(escape(consent.clientId())).append("\">Revoke</button></form></td></tr>\n");
        }
        body.append("</tbody>\n</table>\n");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean consent = request.getRequestURI().endsWith("/consents/revoke");
        if (!consent && !request.getRequestURI().endsWith("/grants/revoke")) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        if (!Pages.requireUserPost(request, response)) {
            return;
        }
        String protocol = request.getParameter("protocol");
        String clientId = request.getParameter("client_id");
        String user = request.getUserPrincipal().getName();
        if (consent) {
            if (clientId != null) {
                openId.withdrawConsent(user, clientId);
            }
            Pages.seeOther(response, request.getContextPath() + "/");
            return;
        }
        for (GrantSource source : sources) {
            if (source.protocol().equals(protocol) && clientId != null) {
                source.revoke(user, clientId);
            }
        }
        Pages.seeOther(response, request.getContextPath() + "/");
    }
}
