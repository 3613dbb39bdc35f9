package dev.tollgate.device;

import java.util.Objects;

/**
 * Who enters a user code at the verification page: the browser's session and its network address, by which wrong
 * codes are counted (RFC 8628 §5.1). Neither is kept in clear.
 *
 * @param sessionId the session's id
 * @param address   the network address, or {@code null} when unknown
 */
public record Visitor(String sessionId, String address) {

    public Visitor {
        Objects.requireNonNull(sessionId, "sessionId");
    }

    /** The session and address; neither is shown. */
    @Override
    public String toString() {
        return "Visitor[]";
    }
}
