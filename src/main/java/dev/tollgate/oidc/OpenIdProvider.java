package dev.tollgate.oidc;

import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.oauth2.AuthorizationCodeGrant;
import dev.tollgate.oauth2.AuthorizationCodeStore;
import dev.tollgate.oauth2.AuthorizationRequest;
import dev.tollgate.oauth2.ClientStore;
import dev.tollgate.oauth2.GrantSettings;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.OAuth2ServerBuilder;
import dev.tollgate.oauth2.OAuth2Settings;
import dev.tollgate.oauth2.ResourceOwner;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An OpenID Connect 1.0 provider on an {@link dev.tollgate.oauth2.OAuth2Server}: {@link #install} registers the
 * {@link OpenIdConnect} extension, the implicit and hybrid grants, {@code form_post}, UserInfo, the JWK Set,
 * discovery and the registration metadata; the provider then serves what the application's pages need:
 * what a request needs from the user ({@link #interaction}), remembered consents, and RP-initiated logout.
 */
public final class OpenIdProvider {

    public static final String END_SESSION = "end_session";
    public static final String DEFAULT_END_SESSION_PATH = "/oauth2/logout";

    private final Jwts jwts;
    private final SubjectTypes subjects;
    private final ConsentStore consents;
    private final EndSession endSession;
    private final Clock clock;

    private OpenIdProvider(OAuth2Settings oauth2, Jwts jwts, SubjectTypes subjects, ConsentStore consents,
                           ClientStore clients, Clock clock) {
        this.jwts = jwts;
        this.subjects = subjects;
        this.consents = consents;
        this.endSession = new EndSession(new IdTokenHints(oauth2.issuer(), jwts), subjects, clients);
        this.clock = clock;
    }

    /**
     * Adds OpenID Connect to a server being built: after {@code standardGrants}, whose code store the hybrid
     * flow shares. The implicit {@code id_token} and hybrid {@code code id_token} flows are always served; the
     * flows that put an access token in the front channel ({@code id_token token}, {@code code token},
     * {@code code id_token token}) only when the grant settings enable the implicit grant (RFC 9700 §2.1.2).
     *
     * @throws IllegalStateException if the builder has no code store
     */
    public static OpenIdProvider install(OAuth2ServerBuilder builder, ClientStore clients, GrantSettings grants,
                                         OpenIdSettings settings, SigningKeys keys, ClaimsSource claims,
                                         ConsentStore consents) {
        AuthorizationCodeStore codes = builder.authorizationCodes();
        if (codes == null) {
            throw new IllegalStateException("Install OpenID Connect after standardGrants: the hybrid flow needs "
                    + "the code store.");
        }
        OAuth2Settings oauth2 = builder.settings();
        Clock clock = builder.clock();
        Jwts jwts = new Jwts(keys);
        SubjectTypes subjects = new SubjectTypes(settings.pairwiseSalt());
        IdTokens idTokens = new IdTokens(oauth2.issuer(), settings, jwts, subjects, claims, clock);
        AuthorizationCodeGrant code = new AuthorizationCodeGrant(codes,
                builder.tokenSettings().authorizationCodeLifetime());
        builder.extension(new OpenIdConnect(oauth2.issuer(),
                        oauth2.serves(END_SESSION) ? oauth2.endpointUrl(END_SESSION, DEFAULT_END_SESSION_PATH) : null,
                        settings, jwts, idTokens))
                .grant(new OpenIdImplicitGrant(OpenIdImplicitGrant.ID_TOKEN))
                .grant(new HybridGrant(code, HybridGrant.CODE_ID_TOKEN))
                .responseMode(new FormPost())
                .endpoint(new UserInfoEndpoint(settings, subjects, claims, jwts))
                .endpoint(new JwksEndpoint(keys))
                .endpoint(new OpenIdConfigurationEndpoint())
                .clientMetadata(new OpenIdRegistration(keys.algorithms(), settings.subjectTypes()));
        if (grants.implicitGrantEnabled()) {
            builder.grant(new OpenIdImplicitGrant(OpenIdImplicitGrant.ID_TOKEN_TOKEN))
                    .grant(new HybridGrant(code, HybridGrant.CODE_TOKEN))
                    .grant(new HybridGrant(code, HybridGrant.CODE_ID_TOKEN_TOKEN));
        }
        return new OpenIdProvider(oauth2, jwts, subjects, consents, clients, clock);
    }

    /**
     * What a validated request needs from the user before it is answered (Core §3.1.2.1, §3.1.2.3): signing
     * in when nobody is, {@code prompt=login} or {@code select_account}, {@code max_age} has passed or the
     * {@code id_token_hint} names someone else; then the consent page unless a remembered consent covers the
     * scope and {@code prompt=consent} was not sent.
     *
     * @param signedIn the user of the session, or {@code null}
     * @throws OAuth2Error redirected to the client: {@code login_required} or {@code consent_required} when
     *                     {@code prompt=none} forbids the page that would be needed (§3.1.2.6)
     */
    public Interaction interaction(AuthorizationRequest request, ResourceOwner signedIn) {
        OpenIdRequest openId = new OpenIdRequest(request);
        Set<String> prompts = openId.isOpenId() ? openId.prompts() : Set.of();
        Interaction needed = needed(request, openId, prompts, signedIn);
        if (needed != Interaction.NONE && prompts.contains(OpenIdRequest.PROMPT_NONE)) {
            String error = needed == Interaction.LOGIN ? "login_required" : "consent_required";
            throw new OAuth2Error(error, needed == Interaction.LOGIN ? "The user must sign in."
                    : "The user must consent.", 400).redirectTo(request.redirectUri(), request.state(),
                    request.responseMode());
        }
        return needed;
    }

    private Interaction needed(AuthorizationRequest request, OpenIdRequest openId, Set<String> prompts,
                               ResourceOwner signedIn) {
        if (signedIn == null || prompts.contains(OpenIdRequest.PROMPT_LOGIN)
                || prompts.contains(OpenIdRequest.PROMPT_SELECT_ACCOUNT)) {
            return Interaction.LOGIN;
        }
        Long maxAge = openId.isOpenId() ? openId.maxAge() : null;
        if (maxAge != null && (signedIn.authTime() == null
                || clock.instant().isAfter(signedIn.authTime().plusSeconds(maxAge)))) {
            return Interaction.LOGIN;
        }
        String hinted = openId.idTokenHintSubject();
        if (hinted != null && !hinted.equals(subjects.subjectFor(request.client(), signedIn.subject()))) {
            return Interaction.LOGIN;
        }
        boolean remembered = consents.find(signedIn.subject(), request.client().getClientId())
                .map(consent -> consent.covers(request.scope())).orElse(false);
        return remembered && !prompts.contains(OpenIdRequest.PROMPT_CONSENT) ? Interaction.NONE : Interaction.CONSENT;
    }

    /**
     * The query to come back to after signing in again: without {@code prompt=login}, {@code select_account}
     * and {@code max_age}, which the new sign-in has met, so that the request does not ask again.
     */
    public static String reauthenticationQuery(String query) {
        StringBuilder kept = new StringBuilder();
        for (Map.Entry<String, String> pair : FormUrlEncoding.parse(query)) {
            String value = pair.getValue();
            if ("max_age".equals(pair.getKey())) {
                continue;
            }
            if ("prompt".equals(pair.getKey())) {
                Set<String> prompts = new TreeSet<>(List.of(value.split(" ")));
                prompts.removeAll(Set.of(OpenIdRequest.PROMPT_LOGIN, OpenIdRequest.PROMPT_SELECT_ACCOUNT, ""));
                if (prompts.isEmpty()) {
                    continue;
                }
                value = String.join(" ", prompts);
            }
            kept.append(kept.length() == 0 ? "" : "&").append(FormUrlEncoding.format(Map.of(pair.getKey(), value)));
        }
        return kept.toString();
    }

    /** Remembers that the user granted the request's scope to its client, adding to what they granted before. */
    public void rememberConsent(String subject, AuthorizationRequest request) {
        Set<String> scope = new TreeSet<>(request.scope());
        consents.find(subject, request.client().getClientId()).ifPresent(earlier -> scope.addAll(earlier.scope()));
        consents.save(new Consent(subject, request.client().getClientId(), scope, clock.instant()));
    }

    /** The user's remembered consents. */
    public List<Consent> consents(String subject) {
        return consents.findBySubject(subject);
    }

    /**
     * Forgets a consent, so the user is asked again; revoke the client's tokens too with
     * {@code OAuth2Server.revokeAuthorization}.
     */
    public boolean withdrawConsent(String subject, String clientId) {
        return consents.delete(subject, clientId);
    }

    /**
     * Validates an RP-initiated logout request (RP-Initiated Logout 1.0 §2), from the query of a GET or the
     * form of a POST.
     *
     * @throws OAuth2Error {@code invalid_request}, never redirected: an {@code id_token_hint} not signed here,
     *                     or a {@code client_id} that is not its audience
     */
    public LogoutRequest validateLogoutRequest(OAuth2Request request) {
        return endSession.validate(request);
    }

    /** Whether a logout request's {@code id_token_hint} names this local subject. */
    public boolean isHintFor(LogoutRequest logout, String subject) {
        return endSession.isHintFor(logout, subject);
    }

    /** The signing keys, to rotate them or serve them. */
    public SigningKeys keys() {
        return jwts.keys();
    }
}
