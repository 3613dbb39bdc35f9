package dev.tollgate.oidc;

import static dev.tollgate.oidc.OpenIdFixture.OTHER_REDIRECT_URI;
import static dev.tollgate.oidc.OpenIdFixture.REDIRECT_URI;
import static dev.tollgate.oidc.OpenIdFixture.RP;
import static dev.tollgate.oidc.OpenIdFixture.RP_PAIRWISE;
import static dev.tollgate.oidc.OpenIdFixture.RP_PAIRWISE_OTHER;
import static dev.tollgate.oidc.OpenIdFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.oauth2.ResourceOwner;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Subject identifier types (Core §8): public, and pairwise per sector (§8.1). */
class PairwiseSubjectTest {

    private static final String PAIRWISE_URI = "https://rp.example/cb2";

    private final OpenIdFixture f = new OpenIdFixture();

    private String sub(OpenIdFixture fixture, String clientId, String redirectUri, String subject) {
        JsonObject tokens = fixture.codeFlow(clientId, redirectUri, "openid", ResourceOwner.of(subject));
        return OpenIdFixture.claimsOf(tokens.getString("id_token")).getSubject();
    }

    private String sub(String clientId, String redirectUri) {
        return sub(f, clientId, redirectUri, "alice");
    }

    @Test
    void aPublicSubjectIsTheLocalSubject() {
        assertEquals("alice", sub(RP, REDIRECT_URI));
    }

    @Test
    void aPairwiseSubjectIsNotTheLocalSubjectAndIsStable() {
        String first = sub(RP_PAIRWISE, PAIRWISE_URI);
        assertNotEquals("alice", first);
        assertFalse(first.contains("alice"));
        assertEquals(first, sub(RP_PAIRWISE, PAIRWISE_URI), "the same on every token");
        assertNotEquals(first, sub(f, RP_PAIRWISE, PAIRWISE_URI, "bob"), "one per user");
    }

    @Test
    void clientsOnAnotherHostSeeAnotherPairwiseSubject() {
        assertNotEquals(sub(RP_PAIRWISE, PAIRWISE_URI), sub(RP_PAIRWISE_OTHER, OTHER_REDIRECT_URI));
    }

    @Test
    void clientsOfOneSectorSeeTheSamePairwiseSubject() {
        // Core §8.1: the sector identifier is the host of the redirect URIs
        f.clients.add(new OpenIdFixture.Client("rp-pairwise-2", OpenIdFixture.SECRET, "https://rp.example/other",
                Json.createObjectBuilder().add("subject_type", "pairwise").build()));
        assertEquals(sub(RP_PAIRWISE, PAIRWISE_URI), sub("rp-pairwise-2", "https://rp.example/other"));
    }

    @Test
    void thePairwiseSubjectDependsOnTheSecretSalt() {
        OpenIdFixture other = new OpenIdFixture(OpenIdSettings.DEFAULT.withPairwiseSalt("another-salt-of-16-chars"),
                true);
        assertNotEquals(sub(RP_PAIRWISE, PAIRWISE_URI), sub(other, RP_PAIRWISE, PAIRWISE_URI, "alice"));
        OpenIdFixture same = new OpenIdFixture();
        assertEquals(sub(RP_PAIRWISE, PAIRWISE_URI), sub(same, RP_PAIRWISE, PAIRWISE_URI, "alice"),
                "the same on every node of the deployment");
    }

    @Test
    void userInfoGivesThePairwiseSubjectOfTheIdToken() {
        JsonObject tokens = f.codeFlow(RP_PAIRWISE, PAIRWISE_URI, "openid profile", f.alice);
        String sub = OpenIdFixture.claimsOf(tokens.getString("id_token")).getSubject();
        JsonObject userInfo = json(f.userInfoGet(tokens.getString("access_token")));
        assertEquals(sub, userInfo.getString("sub")); // Core §5.3.2
        assertEquals("Alice Liddell", userInfo.getString("name"), "claims of the local subject");
    }

    @Test
    void theImplicitAndRefreshIdTokensHaveThePairwiseSubjectToo() {
        String sub = sub(RP_PAIRWISE, PAIRWISE_URI);
        java.util.Map<String, String> query = OpenIdFixture.openIdRequest("id_token");
        query.put("client_id", RP_PAIRWISE);
        query.put("redirect_uri", PAIRWISE_URI);
        assertEquals(sub, OpenIdFixture.claimsOf(OpenIdFixture.redirectParams(f.authorize(query, f.alice), true)
                .get("id_token")).getSubject());
        JsonObject tokens = f.codeFlow(RP_PAIRWISE, PAIRWISE_URI, "openid", f.alice);
        assertEquals(sub, OpenIdFixture.claimsOf(f.refresh(RP_PAIRWISE, tokens.getString("refresh_token"))
                .getString("id_token")).getSubject());
    }

    @Test
    void theSectorIsTheOneHostOfTheRedirectUris() {
        assertEquals("rp.example", SubjectTypes.sectorOf(List.of("https://rp.example/a", "https://rp.example:8443/b")));
        assertThrows(IllegalArgumentException.class,
                () -> SubjectTypes.sectorOf(List.of("https://rp.example/a", "https://rp2.example/b")));
        assertThrows(IllegalArgumentException.class, () -> SubjectTypes.sectorOf(List.of()));
        assertThrows(IllegalArgumentException.class, () -> SubjectTypes.sectorOf(List.of("com.example.app:/cb")));
    }
}
