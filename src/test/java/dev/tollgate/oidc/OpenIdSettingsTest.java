package dev.tollgate.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The provider's settings: the pairwise salt is a secret, the scopes' claims are Core §5.4's. */
class OpenIdSettingsTest {

    @Test
    void aPairwiseSaltShorterThan16CharactersIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> OpenIdSettings.DEFAULT.withPairwiseSalt("a".repeat(15)));
        assertThrows(IllegalArgumentException.class, () -> OpenIdSettings.DEFAULT.withPairwiseSalt(""));
        assertEquals("a".repeat(16), OpenIdSettings.DEFAULT.withPairwiseSalt("a".repeat(16)).pairwiseSalt());
    }

    @Test
    void pairwiseIsOfferedOnlyWithASalt() {
        assertNull(OpenIdSettings.DEFAULT.pairwiseSalt());
        assertEquals(Set.of("public"), OpenIdSettings.DEFAULT.subjectTypes());
        assertEquals(Set.of("public", "pairwise"),
                OpenIdSettings.DEFAULT.withPairwiseSalt(OpenIdFixture.SALT).subjectTypes());
    }

    @Test
    void toStringNeverShowsTheSalt() {
        OpenIdSettings settings = OpenIdSettings.DEFAULT.withPairwiseSalt(OpenIdFixture.SALT);
        assertFalse(settings.toString().contains(OpenIdFixture.SALT), settings.toString());
        assertFalse(settings.toString().contains(OpenIdFixture.SALT.substring(0, 8)), settings.toString());
        assertTrue(settings.toString().contains("pairwise"));
    }

    @Test
    void theStandardScopesAskForCoreClaims() {
        // Core §5.4
        OpenIdSettings settings = OpenIdSettings.DEFAULT;
        assertEquals(Set.of("email", "email_verified"), settings.claimsOf(Set.of("openid", "email")));
        assertEquals(Set.of("address"), settings.claimsOf(Set.of("address")));
        assertEquals(Set.of("phone_number", "phone_number_verified"), settings.claimsOf(Set.of("phone")));
        assertEquals(14, settings.claimsOf(Set.of("profile")).size());
        assertTrue(settings.claimsOf(Set.of("profile")).containsAll(Set.of("name", "family_name", "given_name",
                "middle_name", "nickname", "preferred_username", "profile", "picture", "website", "gender",
                "birthdate", "zoneinfo", "locale", "updated_at")));
        assertEquals(Set.of(), settings.claimsOf(Set.of("openid", "admin")));
        assertEquals(Duration.ofMinutes(10), settings.idTokenLifetime());
    }

    @Test
    void scopeClaimsAreCopied() {
        Map<String, Set<String>> claims = new HashMap<>();
        claims.put("badge", new HashSet<>(Set.of("badge_number")));
        OpenIdSettings settings = OpenIdSettings.DEFAULT.withScopeClaims(claims);
        claims.get("badge").add("salary");
        claims.put("hr", Set.of("salary"));
        assertEquals(Set.of("badge_number"), settings.claimsOf(Set.of("badge", "hr")));
        assertThrows(UnsupportedOperationException.class, () -> settings.scopeClaims().put("x", Set.of()));
    }

    @Test
    void anIdTokenLifetimeIsRequired() {
        assertThrows(NullPointerException.class, () -> OpenIdSettings.DEFAULT.withIdTokenLifetime(null));
    }
}
