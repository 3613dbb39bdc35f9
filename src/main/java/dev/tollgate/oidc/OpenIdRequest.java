package dev.tollgate.oidc;

import dev.tollgate.oauth2.AuthorizationRequest;
import dev.tollgate.oauth2.Scope;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The OpenID Connect parameters of a validated authorization request (Core §3.1.2.1), as
 * {@link OpenIdConnect} keeps them in the request's attributes: what the application's authorization page
 * reads ({@link #prompts()}, {@link #loginHint()}, {@link #uiLocales()}) and what the ID token needs.
 */
public record OpenIdRequest(AuthorizationRequest request) {

    public static final String OPENID = "openid";

    static final String NONCE = "nonce";
    static final String MAX_AGE = "max_age";
    static final String PROMPT = "prompt";
    static final String DISPLAY = "display";
    static final String LOGIN_HINT = "login_hint";
    static final String ID_TOKEN_HINT_SUBJECT = "id_token_hint_sub";
    static final String UI_LOCALES = "ui_locales";
    static final String CLAIMS_LOCALES = "claims_locales";
    static final String ACR_VALUES = "acr_values";
    static final String USERINFO_CLAIMS = "claims_userinfo";
    static final String ID_TOKEN_CLAIMS = "claims_id_token";

    public static final String PROMPT_NONE = "none";
    public static final String PROMPT_LOGIN = "login";
    public static final String PROMPT_CONSENT = "consent";
    public static final String PROMPT_SELECT_ACCOUNT = "select_account";

    /** Whether this is an OpenID Connect request: {@code openid} in the scope (Core §3.1.2.1). */
    public boolean isOpenId() {
        return request.scope().contains(OPENID);
    }

    public String nonce() {
        return request.attribute(NONCE);
    }

    /** The {@code max_age} in seconds, the client's {@code default_max_age} when it sent none, or {@code null}. */
    public Long maxAge() {
        String value = request.attribute(MAX_AGE);
        return value == null ? null : Long.valueOf(value);
    }

    /** The {@code prompt} values, e.g. {@code login}; empty when none was sent. */
    public Set<String> prompts() {
        String value = request.attribute(PROMPT);
        return value == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(value.split(" ")));
    }

    public String display() {
        return request.attribute(DISPLAY);
    }

    /** The {@code login_hint}, for the login page to fill in, or {@code null}. */
    public String loginHint() {
        return request.attribute(LOGIN_HINT);
    }

    /** The {@code sub} of a valid {@code id_token_hint} as the client sees it, or {@code null}. */
    public String idTokenHintSubject() {
        return request.attribute(ID_TOKEN_HINT_SUBJECT);
    }

    /** The preferred languages of the pages, most preferred first (BCP 47 tags); empty when none was sent. */
    public List<String> uiLocales() {
        return tags(UI_LOCALES);
    }

    /** The preferred languages of the claims' values, most preferred first; empty when none was sent. */
    public List<String> claimsLocales() {
        return tags(CLAIMS_LOCALES);
    }

    /** The requested authentication context classes, most preferred first; empty when none was sent. */
    public List<String> acrValues() {
        return tags(ACR_VALUES);
    }

    /** The claims asked for in the ID token by the {@code claims} parameter. */
    public Set<String> idTokenClaims() {
        String value = request.attribute(ID_TOKEN_CLAIMS);
        return value == null ? Set.of() : Scope.parse(value);
    }

    private List<String> tags(String name) {
        String value = request.attribute(name);
        return value == null ? List.of() : List.of(value.split(" "));
    }
}
