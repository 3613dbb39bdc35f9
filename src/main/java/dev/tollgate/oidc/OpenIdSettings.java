package dev.tollgate.oidc;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the OpenID provider answers.
 *
 * @param idTokenLifetime how long an ID token is valid ({@code exp} − {@code iat})
 * @param pairwiseSalt    the secret salt of pairwise subjects (Core §8.1), the same on every node and never
 *                        changed; {@code null} offers {@code public} subjects only
 * @param scopeClaims     the claims each scope asks for (Core §5.4), returned by UserInfo and, when no access
 *                        token is issued, in the ID token
 */
public record OpenIdSettings(Duration idTokenLifetime, String pairwiseSalt, Map<String, Set<String>> scopeClaims) {

    /** Core §5.4: the claims of the {@code profile}, {@code email}, {@code address} and {@code phone} scopes. */
    public static final Map<String, Set<String>> STANDARD_SCOPE_CLAIMS = Map.of(
            "profile", Set.of("name", "family_name", "given_name", "middle_name", "nickname", "preferred_username",
                    "profile", "picture", "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at"),
            "email", Set.of("email", "email_verified"),
            "address", Set.of("address"),
            "phone", Set.of("phone_number", "phone_number_verified"));

    /** ID tokens for 10 minutes, public subjects only, the standard scopes. */
    public static final OpenIdSettings DEFAULT = new OpenIdSettings(Duration.ofMinutes(10), null,
            STANDARD_SCOPE_CLAIMS);

    public OpenIdSettings {
        Objects.requireNonNull(idTokenLifetime, "idTokenLifetime");
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        scopeClaims.forEach((scope, claims) -> copy.put(scope, Set.copyOf(claims)));
        scopeClaims = Map.copyOf(copy);
        if (pairwiseSalt != null && pairwiseSalt.length() < 16) {
            throw new IllegalArgumentException("The pairwise salt must be a secret of 16 characters or more.");
        }
    }

    /** The subject types offered (Core §8): {@code public}, and {@code pairwise} when there is a salt. */
    public Set<String> subjectTypes() {
        return pairwiseSalt == null ? Set.of(SubjectTypes.PUBLIC) : Set.of(SubjectTypes.PUBLIC, SubjectTypes.PAIRWISE);
    }

    /** The claims of a granted scope. */
    public Set<String> claimsOf(Set<String> scope) {
        Set<String> claims = new TreeSet<>();
        scope.forEach(value -> claims.addAll(scopeClaims.getOrDefault(value, Set.of())));
        return claims;
    }

    public OpenIdSettings withIdTokenLifetime(Duration lifetime) {
        return new OpenIdSettings(lifetime, pairwiseSalt, scopeClaims);
    }

    public OpenIdSettings withPairwiseSalt(String salt) {
        return new OpenIdSettings(idTokenLifetime, salt, scopeClaims);
    }

    public OpenIdSettings withScopeClaims(Map<String, Set<String>> claims) {
        return new OpenIdSettings(idTokenLifetime, pairwiseSalt, claims);
    }

    /** The salt is a secret. */
    @Override
    public String toString() {
        return "OpenIdSettings[idTokenLifetime=" + idTokenLifetime + ", subjectTypes=" + subjectTypes()
                + ", scopes=" + scopeClaims.keySet() + "]";
    }
}
