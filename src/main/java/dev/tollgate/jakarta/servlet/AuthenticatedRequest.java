package dev.tollgate.jakarta.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/**
 * A request as a protocol filter authenticated it: {@code getUserPrincipal()} and {@code getRemoteUser()} name
 * the resource owner ({@code null} for a client's own token, whoever is signed in to the session), and
 * {@code getAuthType()} the scheme. The container's roles belong to its own sign-in, so no role is granted.
 */
public final class AuthenticatedRequest extends HttpServletRequestWrapper {

    private final Principal user;
    private final String authType;

    public AuthenticatedRequest(HttpServletRequest request, String username, String authType) {
        super(request);
        this.user = username == null ? null : () -> username;
        this.authType = authType;
    }

    @Override
    public Principal getUserPrincipal() {
        return user;
    }

    @Override
    public String getRemoteUser() {
        return user == null ? null : user.getName();
    }

    @Override
    public boolean isUserInRole(String role) {
        return false;
    }

    @Override
    public String getAuthType() {
        return authType;
    }
}
