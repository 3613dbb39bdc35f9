package dev.tollgate.example.security;

import static dev.tollgate.example.web.Html.escape;

import dev.tollgate.common.Identifiers;
import dev.tollgate.example.web.Csrf;
import dev.tollgate.example.web.Pages;
import jakarta.annotation.security.DeclareRoles;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;

/**
 * {@code GET /login?next=PATH}: the sign-in form. {@code POST /login}: the credentials go to Jakarta Security
 * ({@link LoginMechanism}); signed in, the browser goes on to {@code next} if it is a path of this site, else
 * to {@code /}; otherwise the form comes back with the error, and no session exists.
 *
 * <p>The form carries no CSRF token, because no session exists before signing in. A cross-site login
 * (login CSRF) is refused by the {@code Origin} and {@code Sec-Fetch-Site} check instead.
 */
@WebServlet("/login")
@DeclareRoles(DemoUsers.ROLE)
public class LoginServlet extends HttpServlet {

    @Inject
    SecurityContext securityContext;

    @Inject
    SignInThrottle throttle;

    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        form(request, response, 200, request.getParameter("next"), null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String next = request.getParameter("next");
        String username = request.getParameter("username");
        String password = request.getParameter("password");
        if (username != null && password != null && Csrf.isSameOrigin(request)
                && Identifiers.hasNoControlCharacter(username)) {
            SignInThrottle.Attempt attempt = throttle.begin(username);
            if (attempt == null) {
                form(request, response, 429, next, "Too many sign-ins to this account at once: try again.");
                return;
            }
            boolean signedIn;
            try (attempt) {
                signOut(request); // signing in, as anyone, starts from no session at all
                AuthenticationStatus status = securityContext.authenticate(request, response,
                        AuthenticationParameters.withParams().newAuthentication(true)
                                .credential(new UsernamePasswordCredential(username, password)));
                signedIn = status == AuthenticationStatus.SUCCESS && request.getUserPrincipal() != null;
            }
            if (signedIn) {
                throttle.succeeded(username);
                SessionUser.signedIn(request, clock.instant());
                Pages.seeOther(response, safeNext(next));
                return;
            }
            try {
                if (!throttle.failed(username, request.getRemoteAddr())) {
                    form(request, response, 429, next, "Too many sign-ins at once: try again shortly.");
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        form(request, response, 200, next, "Wrong username or password.");
    }

    private static void signOut(HttpServletRequest request) throws ServletException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            request.logout();
            session.invalidate();
        }
    }

    private static void form(HttpServletRequest request, HttpServletResponse response, int status, String next,
            String error) throws IOException {
        String body = "<h1>Sign in</h1>\n"
                + (error == null ? "" : "<p class=\"error\" role=\"alert\" id=\"login-error\">" + escape(error) + "</p>\n")
                + "<form method=\"post\" action=\"" + escape(request.getContextPath()) + "/login\" class=\"card\">\n"
                + "<input type=\"hidden\" name=\"next\" value=\"" + escape(safeNext(next)) + "\">\n"
                + "<label for=\"username\">Username</label>\n"
                + "<input id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus"
                + " value=\"" + escape(error == null ? loginHint(request) : request.getParameter("username")) + "\">\n"
                + "<label for=\"password\">Password</label>\n"
                + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>\n"
                + "<button type=\"submit\">Sign in</button>\n"
                + "</form>\n"
                + "<p class=\"hint\">Demo users: <code>alice</code> / <code>wonderland</code>,"
                + " <code>bob</code> / <code>builder</code>.</p>\n";
        Pages.write(request, response, status, "Sign in", body);
    }

    // OpenID Connect's login_hint (Core §3.1.2.1) fills in the username, when it could be one
    private static String loginHint(HttpServletRequest request) {
        String hint = request.getParameter("login_hint");
        return hint == null || hint.length() > 64 || !Identifiers.hasNoControlCharacter(hint) ? "" : hint;
    }

    /**
     * {@code next} if it is a path on this site: it starts with one {@code /}, not {@code //} or {@code /\}
     * (which browsers read as another host), and holds no scheme, backslash or control character. Else {@code /}.
     */
    public static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//")) {
            return "/";
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7f) {
                return "/";
            }
        }
        return next;
    }
}
