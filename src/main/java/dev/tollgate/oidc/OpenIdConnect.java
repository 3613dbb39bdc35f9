package dev.tollgate.oidc;

import static dev.tollgate.common.JsonSupport.JSON;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.tollgate.common.Identifiers;
import dev.tollgate.oauth2.AuthorizationCodeGrant;
import dev.tollgate.oauth2.AuthorizationRequest;
import dev.tollgate.oauth2.GrantExtension;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.RefreshTokenGrant;
import dev.tollgate.oauth2.ResourceOwner;
import dev.tollgate.oauth2.ResponseType;
import dev.tollgate.oauth2.Scope;
import dev.tollgate.oauth2.TokenContext;
import dev.tollgate.oauth2.TokenResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.text.ParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * OpenID Connect on every grant (Authlib's {@code OpenIDCode}, {@code OpenIDImplicitGrant} and
 * {@code OpenIDHybridGrant} in one extension): validates the OpenID parameters of an authorization request
 * with {@code openid} in its scope (Core §3.1.2.1), adds {@code id_token} to the authorization response of the
 * implicit and hybrid flows (§3.2.2.5, §3.3.2.5) and to the token response of the code and refresh grants
 * (§3.1.3.3, §12.2), and describes itself in the metadata (Discovery §3).
 */
public final class OpenIdConnect implements GrantExtension {

    static final int MAX_NONCE = 255;
    static final int MAX_HINT = 255;
    static final int MAX_LOCALES = 100;

    private static final Set<String> PROMPTS = Set.of(OpenIdRequest.PROMPT_NONE, OpenIdRequest.PROMPT_LOGIN,
            OpenIdRequest.PROMPT_CONSENT, OpenIdRequest.PROMPT_SELECT_ACCOUNT);
    private static final Set<String> DISPLAYS = Set.of("page", "popup", "touch", "wap");
    private static final Pattern SPACE_SEPARATED = Pattern.compile("[\\x21-\\x7E]+( [\\x21-\\x7E]+)*");

    private final String issuer;
    private final String endSessionEndpoint;
    private final OpenIdSettings settings;
    private final Jwts jwts;
    private final IdTokens idTokens;

    OpenIdConnect(String issuer, String endSessionEndpoint, OpenIdSettings settings, Jwts jwts, IdTokens idTokens) {
        this.issuer = issuer;
        this.endSessionEndpoint = endSessionEndpoint;
        this.settings = settings;
        this.jwts = jwts;
        this.idTokens = idTokens;
    }

    @Override
    public AuthorizationRequest validateAuthorizationRequest(AuthorizationRequest request, OAuth2Request http) {
        boolean idTokenResponse = request.responseType().values().contains("id_token");
        if (!request.scope().contains(OpenIdRequest.OPENID)) {
            if (idTokenResponse) {
                throw OAuth2Error.invalidScope("The id_token response type needs the openid scope.");
            }
            return request;
        }
        if (http.param("request") != null) {
            throw new OAuth2Error("request_not_supported", "Request objects are not supported.", 400); // §6
        }
        if (http.param("request_uri") != null) {
            throw new OAuth2Error("request_uri_not_supported", "request_uri is not supported.", 400);
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
        if (hint == null) {
            return null;
        }
        try {
            JWTClaimsSet claims = jwts.verifyIdToken(hint);
            if (!issuer.equals(claims.getIssuer()) || claims.getSubject() == null) {
                throw OAuth2Error.invalidRequest("The id_token_hint was not issued here.");
            }
            return claims.getSubject();
        } catch (ParseException e) {
            throw OAuth2Error.invalidRequest("Invalid id_token_hint.");
        }
    }

    @Override
    public Map<String, String> extendAuthorizationResponse(AuthorizationRequest request, ResourceOwner owner,
                                                           Map<String, String> parameters) {
        if (!request.responseType().values().contains("id_token")) {
            return parameters;
        }
        OpenIdRequest openId = new OpenIdRequest(request);
        String accessToken = parameters.get("access_token");
        Set<String> claims = new TreeSet<>(openId.idTokenClaims());
        if (accessToken == null) {
            claims.addAll(settings.claimsOf(request.scope())); // Core §5.4: no UserInfo without a token
        }
        Map<String, String> extended = new LinkedHashMap<>(parameters);
        extended.put("id_token", idTokens.issue(request.client(), owner, openId.nonce(), claims, accessToken,
                parameters.get("code")));
        return extended;
    }

    @Override
    public TokenResponse extendTokenResponse(TokenContext context, TokenResponse response) {
        boolean issuesIdToken = AuthorizationCodeGrant.GRANT_TYPE.equals(context.grantType())
                || RefreshTokenGrant.GRANT_TYPE.equals(context.grantType());
        if (!issuesIdToken || context.owner() == null || !context.scope().contains(OpenIdRequest.OPENID)) {
            return response;
        }
        boolean refresh = RefreshTokenGrant.GRANT_TYPE.equals(context.grantType());
        String claims = context.attribute(OpenIdRequest.ID_TOKEN_CLAIMS);
        String idToken = idTokens.issue(context.client(), context.owner(),
                refresh ? null : context.attribute(OpenIdRequest.NONCE),
                claims == null ? Set.of() : Scope.parse(claims), response.accessToken(), null);
        return response.withParameter("id_token", idToken);
    }

    /** What UserInfo and refreshed ID tokens need later. */
    @Override
    public Set<String> tokenAttributes() {
        return Set.of(OpenIdRequest.USERINFO_CLAIMS, OpenIdRequest.ID_TOKEN_CLAIMS);
    }

    @Override
    public void describe(JsonObjectBuilder metadata) {
        List<String> algorithms = jwts.keys().algorithms().stream().map(Object::toString).toList();
        metadata.add("end_session_endpoint", endSessionEndpoint) // RP-Initiated Logout §2.1
                .add("subject_types_supported", array(settings.subjectTypes()))
                .add("id_token_signing_alg_values_supported", array(algorithms))
                .add("userinfo_signing_alg_values_supported", array(algorithms))
                .add("claims_supported", array(claimsSupported()))
                .add("claims_parameter_supported", true)
                .add("request_parameter_supported", false)
                .add("request_uri_parameter_supported", false)
                .add("prompt_values_supported", array(PROMPTS))
                .add("display_values_supported", array(DISPLAYS))
                .add("claim_types_supported", JSON.createArrayBuilder().add("normal"));
    }

    private Set<String> claimsSupported() {
        Set<String> claims = new TreeSet<>(List.of("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "acr",
                "amr", "at_hash", "c_hash"));
        settings.scopeClaims().values().forEach(claims::addAll);
        return claims;
    }

    private static JsonArrayBuilder array(Collection<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        new TreeSet<>(values).forEach(array::add);
        return array;
    }
}
