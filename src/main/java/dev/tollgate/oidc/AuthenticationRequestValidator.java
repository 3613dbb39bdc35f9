package dev.tollgate.oidc;

import dev.tollgate.common.Identifiers;
import dev.tollgate.oauth2.AuthorizationRequest;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.ResponseType;
import dev.tollgate.oauth2.Scope;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates the OpenID parameters of an authentication request (Core §3.1.2.1) and keeps them as the request's
 * attributes ({@link OpenIdRequest}): {@code redirect_uri} required, {@code nonce} where the implicit and hybrid
 * flows need it, {@code prompt}, {@code max_age} (or the client's {@code default_max_age}), {@code display},
 * the hints and locales within limits, {@code id_token_hint} signed here, and the {@code claims} parameter
 * (§5.5). Request objects (§6) are the core's {@code AuthorizationRequestResolver}s', resolved before this runs.
 */
final class AuthenticationRequestValidator {

    static final int MAX_NONCE = 255;
    static final int MAX_HINT = 255;
    static final int MAX_LOCALES = 100;
    static final Set<String> PROMPTS = Set.of(OpenIdRequest.PROMPT_NONE, OpenIdRequest.PROMPT_LOGIN,
            OpenIdRequest.PROMPT_CONSENT, OpenIdRequest.PROMPT_SELECT_ACCOUNT);
    static final Set<String> DISPLAYS = Set.of("page", "popup", "touch", "wap");

    private static final Pattern SPACE_SEPARATED = Pattern.compile("[\\x21-\\x7E]+( [\\x21-\\x7E]+)*");

    private final IdTokenHints hints;

    AuthenticationRequestValidator(IdTokenHints hints) {
        this.hints = hints;
    }

    /**
     * Checks the OpenID parameters of a request with {@code openid} in its scope and keeps them as its attributes.
     *
     * @throws OAuth2Error errors to be redirected to the client (§3.1.2.6)
     */
    AuthorizationRequest validate(AuthorizationRequest request, OAuth2Request http) {
        boolean idTokenResponse = request.responseType().values().contains("id_token");
        if (!request.scope().contains(OpenIdRequest.OPENID)) {
            if (idTokenResponse) {
                throw OAuth2Error.invalidScope("The id_token response type needs the openid scope.");
            }
            return request;
        }
        if (request.requestedRedirectUri() == null) {
            throw OAuth2Error.invalidRequest("Missing redirect_uri (required by OpenID Connect)."); // §3.1.2.1
        }
        AuthorizationRequest validated = request;
        String nonce = text(http, "nonce", MAX_NONCE);
        boolean nonceRequired = !ResponseType.CODE.equals(request.responseType())
                && !ResponseType.TOKEN.equals(request.responseType()); // the implicit and hybrid flows of Core
        if (nonce == null && nonceRequired) {
            throw OAuth2Error.invalidRequest("Missing nonce (required for this response_type)."); // §3.2.2.1
        }
        validated = with(validated, OpenIdRequest.NONCE, nonce);
        validated = with(validated, OpenIdRequest.PROMPT, prompt(http.param("prompt")));
        validated = with(validated, OpenIdRequest.MAX_AGE, maxAge(http.param("max_age"), request));
        validated = with(validated, OpenIdRequest.DISPLAY, oneOf(http, "display", DISPLAYS));
        validated = with(validated, OpenIdRequest.LOGIN_HINT, text(http, "login_hint", MAX_HINT));
        validated = with(validated, OpenIdRequest.UI_LOCALES, tokens(http, "ui_locales"));
        validated = with(validated, OpenIdRequest.CLAIMS_LOCALES, tokens(http, "claims_locales"));
        validated = with(validated, OpenIdRequest.ACR_VALUES, tokens(http, "acr_values"));
        validated = with(validated, OpenIdRequest.ID_TOKEN_HINT_SUBJECT, hintSubject(http.param("id_token_hint")));
        String claims = http.param("claims");
        if (claims != null) {
            ClaimsRequest requested = ClaimsRequest.parse(claims);
            validated = with(validated, OpenIdRequest.USERINFO_CLAIMS, formatOrNull(requested.userInfo()));
            validated = with(validated, OpenIdRequest.ID_TOKEN_CLAIMS, formatOrNull(requested.idToken()));
        }
        return validated;
    }

    private static AuthorizationRequest with(AuthorizationRequest request, String name, String value) {
        return value == null ? request : request.withAttribute(name, value);
    }

    private static String formatOrNull(Set<String> values) {
        return values.isEmpty() ? null : Scope.format(values);
    }

    private static String text(OAuth2Request http, String name, int maxLength) {
        String value = http.param(name);
        if (value == null) {
            return null;
        }
        if (value.isEmpty() || value.length() > maxLength || !Identifiers.hasNoControlCharacter(value)) {
            throw OAuth2Error.invalidRequest("Malformed " + name + ".");
        }
        return value;
    }

    private static String tokens(OAuth2Request http, String name) {
        String value = http.param(name);
        if (value != null && (value.length() > MAX_LOCALES || !SPACE_SEPARATED.matcher(value).matches())) {
            throw OAuth2Error.invalidRequest("Malformed " + name + ".");
        }
        return value;
    }

    private static String oneOf(OAuth2Request http, String name, Set<String> allowed) {
        String value = http.param(name);
        if (value != null && !allowed.contains(value)) {
            throw OAuth2Error.invalidRequest("Unsupported " + name + ".");
        }
        return value;
    }

    // Core §3.1.2.1: none alone; unknown values refused (Initiating User Registration §4.1 does the same)
    private static String prompt(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > 64 || !SPACE_SEPARATED.matcher(value).matches()) {
            throw OAuth2Error.invalidRequest("Malformed prompt.");
        }
        Set<String> prompts = new LinkedHashSet<>(List.of(value.split(" ")));
        if (!PROMPTS.containsAll(prompts)) {
            throw OAuth2Error.invalidRequest("Unsupported prompt value.");
        }
        if (prompts.contains(OpenIdRequest.PROMPT_NONE) && prompts.size() > 1) {
            throw OAuth2Error.invalidRequest("prompt=none cannot be combined with other values.");
        }
        return String.join(" ", prompts);
    }

    private static String maxAge(String value, AuthorizationRequest request) {
        if (value == null) {
            Long fallback = new OpenIdClient(request.client()).defaultMaxAge(); // Registration §2
            return fallback == null ? null : fallback.toString();
        }
        if (!value.matches("[0-9]{1,9}")) {
            throw OAuth2Error.invalidRequest("max_age must be a number of seconds.");
        }
        return Long.toString(Long.parseLong(value));
    }

    // §3.1.2.1: an ID token this server issued, expired or not; only its sub is kept
    private String hintSubject(String hint) {
        return hint == null ? null : hints.verify(hint).getSubject();
    }
}
