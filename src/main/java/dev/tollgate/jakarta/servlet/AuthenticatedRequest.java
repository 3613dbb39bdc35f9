package dev.tollgate.jakarta.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/**
 * A request as a protocol filter authenticated it: {@code getUserPrincipal()} and {@code getRemoteUser()} name
 * the resource owner, and {@code getAuthType()} the scheme.
 */
public final class AuthenticatedRequest extends HttpServletRequestWrapper {

    private final Principal user;
    private final String authType;

    public AuthenticatedRequest(HttpServletRequest request, String username, String authType) {
        super(request);
        this.user = () -> username;
        this.authType = authType;
    }

    @Override
    public Principal getUserPrincipal() {
        return user;
    }

    @Override
    public String getRemoteUser() {
        return user.getName();
    }

    @Override
    public String getAuthType() {
        return authType;
    }
}
