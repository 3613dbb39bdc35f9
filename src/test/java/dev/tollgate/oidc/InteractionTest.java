package dev.tollgate.oidc;

import static dev.tollgate.oidc.OpenIdFixture.ISSUER;
import static dev.tollgate.oidc.OpenIdFixture.REDIRECT_URI;
import static dev.tollgate.oidc.OpenIdFixture.RP;
import static dev.tollgate.oidc.OpenIdFixture.RP_PAIRWISE;
import static dev.tollgate.oidc.OpenIdFixture.authorizeRequest;
import static dev.tollgate.oidc.OpenIdFixture.openIdRequest;
import static dev.tollgate.oidc.OpenIdFixture.redirectParams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.oauth2.AuthorizationRequest;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.ResourceOwner;
import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a request needs of the user: {@link OpenIdProvider#interaction} (Core §3.1.2.1, §3.1.2.3, §3.1.2.6). */
class InteractionTest {

    private final OpenIdFixture f = new OpenIdFixture();

    private AuthorizationRequest request(String... more) {
        Map<String, String> query = openIdRequest("code");
        for (int i = 0; i < more.length; i += 2) {
            query.put(more[i], more[i + 1]);
        }
        return f.server.validateConsentRequest(authorizeRequest(query));
    }

    private Interaction interaction(AuthorizationRequest request, ResourceOwner signedIn) {
        return f.provider.interaction(request, signedIn);
    }

    /** The redirect of an interaction error, as the application sends it. */
    private Map<String, String> errorRedirect(AuthorizationRequest request, ResourceOwner signedIn, boolean fragment) {
        OAuth2Error error = assertThrows(OAuth2Error.class, () -> interaction(request, signedIn));
        assertTrue(error.isRedirect(), "sent back to the client");
        return redirectParams(f.server.handleErrorResponse(error), fragment);
    }

    private String idTokenOf(String clientId, String redirectUri, String subject) {
        return f.codeFlow(clientId, redirectUri, "openid", ResourceOwner.of(subject)).getString("id_token");
    }

    @Test
    void withoutASessionTheUserSignsIn() {
        assertEquals(Interaction.LOGIN, interaction(request(), null));
    }

    @Test
    void signedInWithoutARememberedConsentTheUserDecides() {
        assertEquals(Interaction.CONSENT, interaction(request(), f.alice));
    }

    @Test
    void aRememberedConsentLetsTheRequestThroughAtOnce() {
        AuthorizationRequest request = request();
        f.provider.rememberConsent("alice", request);
        assertEquals(Interaction.NONE, interaction(request, f.alice));
        assertEquals(Interaction.CONSENT, interaction(request, ResourceOwner.of("bob")), "alice's consent only");
        Consent consent = f.provider.consents("alice").get(0);
        assertEquals(RP, consent.clientId());
        assertEquals(Set.of("openid", "profile", "email"), consent.scope());
        assertEquals(f.clock.instant(), consent.grantedAt());
    }

    @Test
    void aRememberedConsentCoversNoWiderScope() {
        f.provider.rememberConsent("alice", request("scope", "openid profile"));
        assertEquals(Interaction.NONE, interaction(request("scope", "openid"), f.alice));
        assertEquals(Interaction.CONSENT, interaction(request("scope", "openid profile email"), f.alice));
    }

    @Test
    void rememberedConsentsAddUp() {
        f.provider.rememberConsent("alice", request("scope", "openid profile"));
        f.provider.rememberConsent("alice", request("scope", "openid email"));
        assertEquals(1, f.provider.consents("alice").size(), "one per subject and client");
        assertEquals(Set.of("openid", "profile", "email"), f.provider.consents("alice").get(0).scope());
        assertEquals(Interaction.NONE, interaction(request("scope", "openid profile email"), f.alice));
    }

    @Test
    void aWithdrawnConsentIsAskedForAgain() {
        AuthorizationRequest request = request();
        f.provider.rememberConsent("alice", request);
        assertTrue(f.provider.withdrawConsent("alice", RP));
        assertFalse(f.provider.withdrawConsent("alice", RP));
        assertTrue(f.provider.consents("alice").isEmpty());
        assertEquals(Interaction.CONSENT, interaction(request, f.alice));
    }

    @Test
    void promptConsentAsksEvenWhenRemembered() {
        f.provider.rememberConsent("alice", request());
        assertEquals(Interaction.CONSENT, interaction(request("prompt", "consent"), f.alice));
    }

    @ParameterizedTest
    @ValueSource(strings = {"login", "select_account", "login consent"})
    void promptLoginOrSelectAccountSignsInAgain(String prompt) {
        f.provider.rememberConsent("alice", request());
        assertEquals(Interaction.LOGIN, interaction(request("prompt", prompt), f.alice));
    }

    @Test
    void promptNoneWithoutASessionIsLoginRequired() {
        Map<String, String> redirect = errorRedirect(request("prompt", "none"), null, false);
        assertEquals("login_required", redirect.get("error"));
        assertEquals("af0ifjsldkj", redirect.get("state"));
        assertEquals(ISSUER, redirect.get("iss"));
    }

    @Test
    void promptNoneWithoutConsentIsConsentRequired() {
        Map<String, String> redirect = errorRedirect(request("prompt", "none"), f.alice, false);
        assertEquals("consent_required", redirect.get("error"));
        assertEquals("af0ifjsldkj", redirect.get("state"));
    }

    @Test
    void promptNoneErrorsGoWhereTheResponseWouldHaveGone() {
        Map<String, String> query = openIdRequest("id_token");
        query.put("prompt", "none");
        AuthorizationRequest request = f.server.validateConsentRequest(authorizeRequest(query));
        assertEquals("login_required", errorRedirect(request, null, true).get("error"), "in the fragment");
    }

    @Test
    void promptNoneWithASessionAndARememberedConsentSucceeds() {
        f.provider.rememberConsent("alice", request());
        assertEquals(Interaction.NONE, interaction(request("prompt", "none"), f.alice));
    }

    @Test
    void promptNoneWhenMaxAgeHasPassedIsLoginRequired() {
        f.provider.rememberConsent("alice", request());
        assertEquals("login_required", errorRedirect(request("prompt", "none", "max_age", "10"), f.alice, false)
                .get("error"));
    }

    @Test
    void maxAgeExceededSignsInAgain() {
        f.provider.rememberConsent("alice", request());
        // alice signed in 30 seconds ago
        assertEquals(Interaction.NONE, interaction(request("max_age", "30"), f.alice), "not yet exceeded");
        assertEquals(Interaction.LOGIN, interaction(request("max_age", "29"), f.alice));
        assertEquals(Interaction.LOGIN, interaction(request("max_age", "60"), ResourceOwner.of("alice")),
                "no authentication time: cannot tell, so sign in");
        f.clock.advance(Duration.ofSeconds(31));
        assertEquals(Interaction.LOGIN, interaction(request("max_age", "60"), f.alice));
    }

    @Test
    void anIdTokenHintNamingAnotherUserSignsInAgain() {
        f.provider.rememberConsent("alice", request());
        String bobs = idTokenOf(RP, REDIRECT_URI, "bob");
        assertEquals(Interaction.LOGIN, interaction(request("id_token_hint", bobs), f.alice));
        String alices = idTokenOf(RP, REDIRECT_URI, "alice");
        assertEquals(Interaction.NONE, interaction(request("id_token_hint", alices), f.alice));
    }

    @Test
    void anIdTokenHintOfAPairwiseClientNamesItsUser() {
        f.provider.rememberConsent("alice", request("client_id", RP_PAIRWISE, "redirect_uri", "https://rp.example/cb2"));
        String hint = idTokenOf(RP_PAIRWISE, "https://rp.example/cb2", "alice");
        AuthorizationRequest request = request("client_id", RP_PAIRWISE, "redirect_uri", "https://rp.example/cb2",
                "id_token_hint", hint);
        assertEquals(Interaction.NONE, interaction(request, f.alice));
        assertEquals(Interaction.LOGIN, interaction(request, ResourceOwner.of("bob")));
    }

    @Test
    void promptIsIgnoredWithoutOpenid() {
        AuthorizationRequest request = request("scope", "profile", "prompt", "none");
        assertEquals(Interaction.CONSENT, interaction(request, f.alice), "not an OpenID request: no prompt");
    }

    @Test
    void theClientsDefaultMaxAgeAppliesWhenTheRequestHasNone() {
        f.clients.add(new OpenIdFixture.Client("rp-max-age", OpenIdFixture.SECRET, "https://max-age.example/cb",
                Json.createObjectBuilder().add("default_max_age", 60).build()));
        AuthorizationRequest request = request("client_id", "rp-max-age", "redirect_uri", "https://max-age.example/cb");
        assertEquals(60L, new OpenIdRequest(request).maxAge()); // Registration §2
        f.provider.rememberConsent("alice", request);
        assertEquals(Interaction.NONE, interaction(request, f.alice));
        f.clock.advance(Duration.ofSeconds(31));
        assertEquals(Interaction.LOGIN, interaction(request, f.alice));
        AuthorizationRequest explicit = request("client_id", "rp-max-age", "redirect_uri",
                "https://max-age.example/cb", "max_age", "3600");
        assertEquals(3600L, new OpenIdRequest(explicit).maxAge(), "the request's own max_age wins");
        assertEquals(Interaction.NONE, interaction(explicit, f.alice));
    }

    // ---------------------------------------------------------------- coming back after signing in again

    @Test
    void theReauthenticationQueryDropsWhatTheNewSignInMet() {
        String query = "response_type=code&client_id=rp&redirect_uri=https%3A%2F%2Frp.example%2Fcb"
                + "&prompt=login%20consent&max_age=60&state=a%26b&scope=openid%20profile";
        assertEquals("response_type=code&client_id=rp&redirect_uri=https%3A%2F%2Frp.example%2Fcb"
                + "&prompt=consent&state=a%26b&scope=openid%20profile", OpenIdProvider.reauthenticationQuery(query));
    }

    @ParameterizedTest
    @ValueSource(strings = {"login", "select_account", "login select_account", "select_account login"})
    void theReauthenticationQueryDropsPromptsOfSigningIn(String prompt) {
        String query = "client_id=rp&prompt=" + prompt.replace(" ", "%20") + "&nonce=n";
        assertEquals("client_id=rp&nonce=n", OpenIdProvider.reauthenticationQuery(query));
    }

    @Test
    void theReauthenticationQueryKeepsPromptConsentAndNone() {
        assertEquals("prompt=consent", OpenIdProvider.reauthenticationQuery("prompt=consent"));
        assertEquals("prompt=none", OpenIdProvider.reauthenticationQuery("prompt=none"));
        assertEquals("", OpenIdProvider.reauthenticationQuery("max_age=0"));
    }

    @Test
    void theReauthenticatedRequestNoLongerAsksToSignIn() {
        Map<String, String> query = openIdRequest("code");
        query.put("prompt", "login");
        query.put("max_age", "0");
        String original = dev.tollgate.common.FormUrlEncoding.format(query);
        AuthorizationRequest before = f.server.validateConsentRequest(authorizeRequest(query));
        assertEquals(Interaction.LOGIN, interaction(before, f.alice));
        ResourceOwner fresh = new ResourceOwner("alice", f.clock.instant(), Set.of("pwd"), null);
        AuthorizationRequest after = f.server.validateConsentRequest(OpenIdFixture.get("/oauth2/authorize?"
                + OpenIdProvider.reauthenticationQuery(original), Map.of()));
        assertEquals(Interaction.CONSENT, interaction(after, fresh));
        assertEquals("n-0S6_WzA2Mj", new OpenIdRequest(after).nonce(), "the rest of the request is unchanged");
        assertNotNull(redirectParams(f.server.createAuthorizationResponse(after, fresh), false).get("code"));
    }

    @Test
    void consentIsAValueOfItsSubjectClientAndScope() {
        assertThrows(NullPointerException.class, () -> new Consent(null, RP, Set.of(), f.clock.instant()));
        Consent consent = new Consent("alice", RP, new java.util.HashSet<>(List.of("openid")), f.clock.instant());
        assertTrue(consent.covers(Set.of("openid")));
        assertTrue(consent.covers(Set.of()));
        assertFalse(consent.covers(Set.of("openid", "email")));
        assertThrows(UnsupportedOperationException.class, () -> consent.scope().add("admin"));
    }
}
