package dev.tollgate.jakarta.web;

import dev.tollgate.common.Secrets;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;

/** What the consent servlets share: the application's login, when the user signed in, and the CSRF token. */
final class SignedInForms {

    /** The hidden form field holding the session's CSRF token. */
    static final String CSRF_FIELD = "csrf_token";

    private static final String CSRF = SignedInForms.class.getName() + ".csrf";
    private static final String AUTH_TIME = SignedInForms.class.getName() + ".authTime";

    private SignedInForms() {
    }

    /**
     * Whether someone is signed in, after asking the application's login ({@code request.authenticate}) if nobody
     * was; false when the login answered (a challenge, a login page).
     */
    static boolean signedIn(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (request.getUserPrincipal() == null && !request.authenticate(response)) {
            return false;
        }
        HttpSession session = request.getSession();
        if (session.getAttribute(AUTH_TIME) == null) {
            session.setAttribute(AUTH_TIME, Instant.now().getEpochSecond());
        }
        return true;
    }

    /** When this session's user was first seen signed in (OpenID Connect's {@code auth_time}). */
    static Instant authTime(HttpServletRequest request) {
        return request.getSession().getAttribute(AUTH_TIME) instanceof Long seconds
                ? Instant.ofEpochSecond(seconds) : null;
    }

    /** The session's CSRF token, made with its first form. */
    static String csrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession();
        synchronized (session) {
            String token = (String) session.getAttribute(CSRF);
            if (token == null) {
                token = Secrets.randomToken(32);
                session.setAttribute(CSRF, token);
            }
            return token;
        }
    }

    /**
     * Whether a decision can be taken: someone is signed in, and the form carries the session's CSRF token,
     * compared in constant time. When not, the login or the page has answered.
     */
    static boolean decisionAllowed(ConsentPage page, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (!signedIn(request, response)) {
            return false;
        }
        HttpSession session = request.getSession(false);
        if (session == null || !Secrets.constantTimeEquals((String) session.getAttribute(CSRF),
                request.getParameter(CSRF_FIELD))) {
            page.message(HttpServletResponse.SC_FORBIDDEN, "This form has expired", "It is older than your "
                    + "session, or comes from another site: open the authorization request again.", request, response);
            return false;
        }
        return true;
    }
}
