package dev.tollgate.example.oidc;

import static dev.tollgate.example.web.Html.escape;

import dev.tollgate.example.web.Csrf;
import dev.tollgate.example.web.Pages;
import dev.tollgate.jakarta.oidc.OpenIdServer;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Response;
import dev.tollgate.oidc.LogoutRequest;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0), {@code GET} or {@code POST /oauth2/logout}.
 * With a valid {@code id_token_hint} for the signed-in user (or nobody signed in) and a registered
 * {@code post_logout_redirect_uri}, the session ends and the browser goes back with {@code state}. Otherwise the
 * user confirms on a page ({@code confirm=true}); then the session ends, and the browser goes back only to an
 * address registered for the client that asked.
 */
@WebServlet("/oauth2/logout")
public class OpenIdLogoutServlet extends HttpServlet {

    private static final List<String> PASSED_ON = List.of("id_token_hint", "client_id", "post_logout_redirect_uri",
            "state", "ui_locales");

    @Inject
    OpenIdServer openId;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        LogoutRequest logout = validate(request, response);
        if (logout == null) {
            return;
        }
        String user = request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName();
        if (logout.canRedirect() && (user == null || openId.isHintFor(logout, user))) {
            endSession(request);
            send(response, logout);
            return;
        }
        confirmationPage(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (request.getParameter("confirm") == null) {
            doGet(request, response); // the request itself may come as a POST (§2)
            return;
        }
        LogoutRequest logout = validate(request, response);
        if (logout == null) {
            return;
        }
        if (request.getSession(false) != null && !Csrf.isValid(request)) {
            Pages.csrfRefused(request, response);
            return;
        }
        if (!"true".equals(request.getParameter("confirm"))) {
            Pages.write(request, response, 200, "Still signed in", "<h1>You are still signed in</h1>\n");
            return;
        }
        endSession(request);
        if (logout.redirect() != null) {
            send(response, logout);
        } else {
            Pages.write(request, response, 200, "Signed out", "<h1 id=\"signed-out\">You are signed out</h1>\n");
        }
    }

    private LogoutRequest validate(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            return openId.validateLogoutRequest(request);
        } catch (OAuth2Error error) {
            error.headers().forEach(response::setHeader);
            Pages.error(request, response, error.status(), "This sign-out request cannot be used",
                    error.description() + " (" + error.error() + ")");
            return null;
        }
    }

    private static void endSession(HttpServletRequest request) throws ServletException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            request.logout();
            session.invalidate();
        }
    }

    private static void send(HttpServletResponse response, LogoutRequest logout) {
        OAuth2Response redirect = logout.redirect();
        redirect.headers().forEach(response::setHeader);
        response.setStatus(redirect.status());
    }

    private static void confirmationPage(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        StringBuilder form = new StringBuilder("<h1>Sign out?</h1>\n<form method=\"post\" action=\"")
                .append(escape(request.getContextPath())).append("/oauth2/logout\" class=\"card\">\n");
        if (request.getSession(false) != null) {
            form.append(Csrf.field(request)).append('\n');
        }
        for (String name : PASSED_ON) {
            String value = request.getParameter(name);
            if (value != null) {
                form.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(escape(value))
                        .append("\">\n");
            }
        }
        form.append("<p>Do you want to sign out of the Tollgate example?</p>\n<div class=\"actions\">\n")
                .append("<button type=\"submit\" name=\"confirm\" value=\"true\">Sign out</button>\n")
                .append("<button type=\"submit\" name=\"confirm\" value=\"false\" class=\"secondary\">Stay signed in"
                        + "</button>\n</div>\n</form>\n");
        Pages.write(request, response, 200, "Sign out", form.toString());
    }
}
