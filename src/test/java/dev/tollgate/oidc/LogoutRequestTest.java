package dev.tollgate.oidc;

import static dev.tollgate.oidc.OpenIdFixture.ISSUER;
import static dev.tollgate.oidc.OpenIdFixture.LOGOUT_URI;
import static dev.tollgate.oidc.OpenIdFixture.LOGOUT_URI_WITH_QUERY;
import static dev.tollgate.oidc.OpenIdFixture.REDIRECT_URI;
import static dev.tollgate.oidc.OpenIdFixture.RP;
import static dev.tollgate.oidc.OpenIdFixture.RP_PAIRWISE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Response;
import dev.tollgate.oauth2.ResourceOwner;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RP-Initiated Logout 1.0 §2, §3: validating the request; the application ends the session. */
class LogoutRequestTest {

    private final OpenIdFixture f = new OpenIdFixture();

    private String idToken(String clientId, String redirectUri, String subject) {
        return f.codeFlow(clientId, redirectUri, "openid", ResourceOwner.of(subject)).getString("id_token");
    }

    private LogoutRequest logout(String... namesAndValues) {
        return f.provider.validateLogoutRequest(OpenIdFixture.get("/oauth2/logout?"
                + FormUrlEncoding.format(OpenIdFixture.params(namesAndValues)), Map.of()));
    }

    private OAuth2Error refused(String... namesAndValues) {
        OAuth2Error error = assertThrows(OAuth2Error.class, () -> logout(namesAndValues));
        assertEquals("invalid_request", error.error());
        assertFalse(error.isRedirect(), "never redirected");
        return error;
    }

    @Test
    void aValidHintAndARegisteredUriRedirectWithTheState() {
        LogoutRequest logout = logout("id_token_hint", idToken(RP, REDIRECT_URI, "alice"),
                "post_logout_redirect_uri", LOGOUT_URI, "state", "s t&u");
        assertTrue(logout.canRedirect());
        assertEquals(RP, logout.client().getClientId());
        assertEquals("alice", logout.hintSubject());
        assertEquals(LOGOUT_URI, logout.postLogoutRedirectUri());
        OAuth2Response redirect = logout.redirect();
        assertEquals(303, redirect.status());
        assertEquals(LOGOUT_URI + "?state=s%20t%26u", redirect.header("Location")); // §3
        assertEquals("no-store", redirect.header("Cache-Control"));
    }

    @Test
    void theStateIsAddedToARegisteredUrisQuery() {
        LogoutRequest logout = logout("id_token_hint", idToken(RP, REDIRECT_URI, "alice"),
                "post_logout_redirect_uri", LOGOUT_URI_WITH_QUERY, "state", "xyz");
        assertEquals(LOGOUT_URI_WITH_QUERY + "&state=xyz", logout.redirect().header("Location"));
    }

    @Test
    void withoutStateTheUriIsUnchanged() {
        LogoutRequest logout = logout("id_token_hint", idToken(RP, REDIRECT_URI, "alice"),
                "post_logout_redirect_uri", LOGOUT_URI);
        assertNull(logout.state());
        assertEquals(LOGOUT_URI, logout.redirect().header("Location"));
    }

    @Test
    void anUnregisteredUriIsNeverRedirectedTo() {
        // §3: an exact match with a registered URI, or no redirect
        for (String uri : List.of("https://attacker.example/", LOGOUT_URI + "/", LOGOUT_URI + "?x=1",
                REDIRECT_URI, "HTTPS://rp.example/logged-out")) {
            LogoutRequest logout = logout("id_token_hint", idToken(RP, REDIRECT_URI, "alice"),
                    "post_logout_redirect_uri", uri, "state", "s");
            assertNull(logout.postLogoutRedirectUri(), uri);
            assertFalse(logout.canRedirect(), uri);
            assertNull(logout.redirect(), uri);
            assertEquals("alice", logout.hintSubject(), "the logout itself is still valid");
        }
    }

    @Test
    void aUriRegisteredForAnotherClientIsNotRedirectedTo() {
        LogoutRequest logout = logout("id_token_hint", idToken(RP_PAIRWISE, "https://rp.example/cb2", "alice"),
                "post_logout_redirect_uri", LOGOUT_URI);
        assertEquals(RP_PAIRWISE, logout.client().getClientId());
        assertNull(logout.postLogoutRedirectUri());
    }

    @Test
    void withoutAHintTheUserIsAskedFirst() {
        // §2: without id_token_hint the OP asks the user; client_id still names the client and its URIs
        LogoutRequest logout = logout("client_id", RP, "post_logout_redirect_uri", LOGOUT_URI, "state", "s");
        assertEquals(RP, logout.client().getClientId());
        assertNull(logout.hintSubject());
        assertEquals(LOGOUT_URI, logout.postLogoutRedirectUri());
        assertFalse(logout.canRedirect());
        LogoutRequest bare = logout();
        assertNull(bare.client());
        assertFalse(bare.canRedirect());
        assertNull(bare.redirect());
        assertNull(logout("client_id", "no-such-client").client());
    }

    @Test
    void aClientIdThatIsNotTheHintsAudienceIsInvalidRequest() {
        refused("id_token_hint", idToken(RP, REDIRECT_URI, "alice"), "client_id", RP_PAIRWISE,
                "post_logout_redirect_uri", LOGOUT_URI);
        LogoutRequest agreeing = logout("id_token_hint", idToken(RP, REDIRECT_URI, "alice"), "client_id", RP);
        assertEquals(RP, agreeing.client().getClientId());
    }

    @Test
    void aForgedHintIsInvalidRequest() throws Exception {
        String genuine = idToken(RP, REDIRECT_URI, "alice");
        String kid = OpenIdFixture.parse(genuine).getHeader().getKeyID();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid)
                .type(JOSEObjectType.JWT).build(), new JWTClaimsSet.Builder().issuer(ISSUER).subject("alice")
                .audience(RP).build());
        forged.sign(new RSASSASigner((RSAKey) SigningAlgorithms.generate(JWSAlgorithm.RS256, kid, new Date())));
        refused("id_token_hint", forged.serialize(), "post_logout_redirect_uri", LOGOUT_URI);
        refused("id_token_hint", genuine.substring(0, genuine.length() - 4) + "AAAA");
        refused("id_token_hint", "garbage");
    }

    @Test
    void aTokenSignedHereForAnotherIssuerOrAudiencesIsInvalidRequest() {
        Jwts jwts = new Jwts(f.keys);
        refused("id_token_hint", jwts.sign(JWSAlgorithm.RS256, JOSEObjectType.JWT, new JWTClaimsSet.Builder()
                .issuer("https://other.example").subject("alice").audience(RP).build()));
        refused("id_token_hint", jwts.sign(JWSAlgorithm.RS256, JOSEObjectType.JWT, new JWTClaimsSet.Builder()
                .issuer(ISSUER).subject("alice").audience(List.of(RP, RP_PAIRWISE)).build()));
    }

    @Test
    void anExpiredHintIsStillAccepted() {
        // §2: the OP need not check an expired id_token_hint's exp
        String hint = idToken(RP, REDIRECT_URI, "alice");
        f.clock.advance(Duration.ofHours(6));
        LogoutRequest logout = logout("id_token_hint", hint, "post_logout_redirect_uri", LOGOUT_URI);
        assertTrue(logout.canRedirect());
        assertEquals("alice", logout.hintSubject());
    }

    @Test
    void aPostedFormIsReadLikeAQuery() {
        LogoutRequest logout = f.provider.validateLogoutRequest(OpenIdFixture.postForm("/oauth2/logout",
                OpenIdFixture.params("id_token_hint", idToken(RP, REDIRECT_URI, "alice"),
                        "post_logout_redirect_uri", LOGOUT_URI, "ui_locales", "fr  en"), null));
        assertTrue(logout.canRedirect());
        assertEquals(List.of("fr", "en"), logout.uiLocales());
    }

    @Test
    void isHintForComparesTheLocalSubject() {
        LogoutRequest logout = logout("id_token_hint", idToken(RP, REDIRECT_URI, "alice"));
        assertTrue(f.provider.isHintFor(logout, "alice"));
        assertFalse(f.provider.isHintFor(logout, "bob"));
        assertFalse(f.provider.isHintFor(logout("client_id", RP), "alice"), "no hint, nobody named");
    }

    @Test
    void isHintForUnderstandsPairwiseSubjects() {
        LogoutRequest logout = logout("id_token_hint", idToken(RP_PAIRWISE, "https://rp.example/cb2", "alice"));
        assertFalse("alice".equals(logout.hintSubject()), "the hint holds the pairwise subject");
        assertTrue(f.provider.isHintFor(logout, "alice"));
        assertFalse(f.provider.isHintFor(logout, "bob"));
    }

    @Test
    void theProviderServesItsKeys() {
        assertSame(f.keys, f.provider.keys());
    }
}
