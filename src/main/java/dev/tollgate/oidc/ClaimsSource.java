package dev.tollgate.oidc;

import java.util.Map;
import java.util.Set;

/**
 * What the application knows of its users, for UserInfo and ID tokens (OpenID Connect Core §5.1). Implement
 * it as a CDI bean; values are strings, booleans, numbers, or maps for {@code address} (§5.1.1).
 */
public interface ClaimsSource {

    /**
     * The claims of a user the application holds, among those named; leave out what it does not hold.
     *
     * @param subject the local subject, as the resource owner was given to the server (never pairwise)
     * @param names   the claims asked for, e.g. {@code name}, {@code email}
     */
    Map<String, Object> claims(String subject, Set<String> names);
}
