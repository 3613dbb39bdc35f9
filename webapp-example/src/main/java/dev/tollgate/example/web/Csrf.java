package dev.tollgate.example.web;

import dev.tollgate.common.Secrets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;

/**
 * CSRF protection for the forms of signed-in users: one random token per session, put in every form as the
 * hidden field {@value #FIELD} by {@link #field} and compared in constant time by {@link #isValid} on POST.
 * A POST that a browser marks as coming from another site ({@code Origin}, {@code Sec-Fetch-Site}) is refused
 * as well.
 */
public final class Csrf {

    /** The form field holding the token. */
    public static final String FIELD = "csrf_token";

    private static final String ATTRIBUTE = Csrf.class.getName();

    private Csrf() {
    }

    /** The session's token, created with the session's first form. */
    public static String token(HttpServletRequest request) {
        HttpSession session = request.getSession();
        synchronized (session) {
            String token = (String) session.getAttribute(ATTRIBUTE);
            if (token == null) {
                token = Secrets.randomToken(32);
                session.setAttribute(ATTRIBUTE, token);
            }
            return token;
        }
    }

    /** The hidden input to put in a form. */
    public static String field(HttpServletRequest request) {
        return "<input type=\"hidden\" name=\"" + FIELD + "\" value=\"" + Html.escape(token(request)) + "\">";
    }

    /** Whether the request comes from this site with the session's token. */
    public static boolean isValid(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !isSameOrigin(request)) {
            return false;
        }
        return Secrets.constantTimeEquals((String) session.getAttribute(ATTRIBUTE), request.getParameter(FIELD));
    }

    /**
     * False when the browser says the request comes from another site: {@code Sec-Fetch-Site: cross-site}, or an
     * {@code Origin} other than this server's. Requests without these headers (not from a browser) pass.
     */
    public static boolean isSameOrigin(HttpServletRequest request) {
        if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            return uri.getScheme() != null && uri.getScheme().equalsIgnoreCase(request.getScheme())
                    && host != null && host.equalsIgnoreCase(uri.getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
