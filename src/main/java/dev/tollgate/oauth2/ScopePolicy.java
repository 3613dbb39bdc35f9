package dev.tollgate.oauth2;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Which scope a client is granted (RFC 6749 §3.3): within what the server supports and the client may have. */
public final class ScopePolicy {

    private final Set<String> supported;

    public ScopePolicy(Set<String> supported) {
        this.supported = Set.copyOf(supported);
    }

    /**
     * The requested scope, which must be supported and allowed for the client, or, when none is requested,
     * the client's whole allowed scope within what the server supports (§3.3 lets the server choose a default).
     *
     * @param requested the {@code scope} parameter, or {@code null}
     * @throws OAuth2Error {@code invalid_scope}
     */
    public Set<String> resolve(OAuth2Client client, String requested) {
        Set<String> allowed = Scope.parse(client.getScope());
        if (requested == null) {
            return allowed.stream().filter(supported::contains).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> scope = Scope.parse(requested);
        if (!supported.containsAll(scope)) {
            throw OAuth2Error.invalidScope("The requested scope is unknown.");
        }
        if (!allowed.containsAll(scope)) {
            throw OAuth2Error.invalidScope("The requested scope is not allowed for this client.");
        }
        return scope;
    }
}
