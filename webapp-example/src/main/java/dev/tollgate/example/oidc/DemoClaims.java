package dev.tollgate.example.oidc;

import dev.tollgate.oidc.ClaimsSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The demo users' claims (the contract's "Demo data"), for UserInfo and ID tokens. Being a {@link ClaimsSource}
 * bean is what turns OpenID Connect on. A real application reads its user directory here.
 */
@ApplicationScoped
public class DemoClaims implements ClaimsSource {

    private static final Map<String, Map<String, Object>> USERS = Map.of(
            "alice", person("Alice", "Liddell", "alice@example.com"),
            "bob", person("Bob", "Builder", "bob@example.com"));

    private static Map<String, Object> person(String given, String family, String email) {
        return Map.of("name", given + " " + family, "given_name", given, "family_name", family,
                "email", email, "email_verified", true);
    }

    @Override
    public Map<String, Object> claims(String subject, Set<String> names) {
        Map<String, Object> claims = new LinkedHashMap<>(USERS.getOrDefault(subject, Map.of()));
        claims.keySet().retainAll(names);
        return claims;
    }
}
