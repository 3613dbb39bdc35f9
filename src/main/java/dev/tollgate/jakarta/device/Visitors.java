package dev.tollgate.jakarta.device;

import dev.tollgate.device.Visitor;
import jakarta.servlet.http.HttpServletRequest;

/** The {@link Visitor} of a request to the verification page, by which wrong user codes are counted. */
public final class Visitors {

    private Visitors() {
    }

    /**
     * The request's session (created if there is none) and remote address. Behind a reverse proxy, have the
     * container take the client's address from the proxy's header, or every visitor shares the proxy's.
     */
    public static Visitor of(HttpServletRequest request) {
        return new Visitor(request.getSession().getId(), request.getRemoteAddr());
    }
}
