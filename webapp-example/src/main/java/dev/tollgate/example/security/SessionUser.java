package dev.tollgate.example.security;

import dev.tollgate.oauth2.ResourceOwner;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.Set;

/**
 * The signed-in user as the authorization server needs them: their name, when they signed in (OpenID Connect
 * {@code auth_time}, kept in the session at sign-in) and how ({@code amr} {@code pwd}, RFC 8176 §2).
 */
public final class SessionUser {

    private static final String AUTH_TIME = SessionUser.class.getName() + ".authTime";
    private static final Set<String> PASSWORD = Set.of("pwd");

    private SessionUser() {
    }

    /** Notes the time of a successful sign-in in the new session. */
    static void signedIn(HttpServletRequest request, Instant when) {
        request.getSession().setAttribute(AUTH_TIME, when.getEpochSecond());
    }

    /** The signed-in user, or {@code null}. */
    public static ResourceOwner of(HttpServletRequest request) {
        if (request.getUserPrincipal() == null) {
            return null;
        }
        HttpSession session = request.getSession(false);
        Object authTime = session == null ? null : session.getAttribute(AUTH_TIME);
        return new ResourceOwner(request.getUserPrincipal().getName(),
                authTime instanceof Long seconds ? Instant.ofEpochSecond(seconds) : null, PASSWORD, null);
    }
}
