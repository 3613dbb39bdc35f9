package dev.tollgate.oidc;

import static dev.tollgate.common.JsonSupport.JSON;

import dev.tollgate.device.DeviceCodeGrant;
import dev.tollgate.oauth2.AuthorizationCodeGrant;
import dev.tollgate.oauth2.AuthorizationRequest;
import dev.tollgate.oauth2.GrantExtension;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.RefreshTokenGrant;
import dev.tollgate.oauth2.ResourceOwner;
import dev.tollgate.oauth2.Scope;
import dev.tollgate.oauth2.TokenContext;
import dev.tollgate.oauth2.TokenResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * OpenID Connect on every grant (Authlib's {@code OpenIDCode}, {@code OpenIDImplicitGrant} and
 * {@code OpenIDHybridGrant} in one extension): validates the OpenID parameters of an authorization request
 * with {@code openid} in its scope ({@link AuthenticationRequestValidator}, Core §3.1.2.1), adds {@code id_token} to the authorization response of the
 * implicit and hybrid flows (§3.2.2.5, §3.3.2.5) and to the token response of the code, device code (RFC 8628,
 * without a nonce) and refresh grants (§3.1.3.3, §12.2), and describes itself in the metadata (Discovery §3).
 */
public final class OpenIdConnect implements GrantExtension {

    private final String endSessionEndpoint;
    private final OpenIdSettings settings;
    private final Jwts jwts;
    private final IdTokens idTokens;
    private final AuthenticationRequestValidator requests;

    OpenIdConnect(String issuer, String endSessionEndpoint, OpenIdSettings settings, Jwts jwts, IdTokens idTokens) {
        this.endSessionEndpoint = endSessionEndpoint;
        this.settings = settings;
        this.jwts = jwts;
        this.idTokens = idTokens;
        this.requests = new AuthenticationRequestValidator(new IdTokenHints(issuer, jwts));
    }

    @Override
    public AuthorizationRequest validateAuthorizationRequest(AuthorizationRequest request, OAuth2Request http) {
        return requests.validate(request, http);
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
                || DeviceCodeGrant.GRANT_TYPE.equals(context.grantType()) // the user signed in at the verification page
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
        if (endSessionEndpoint != null) {
            metadata.add("end_session_endpoint", endSessionEndpoint); // RP-Initiated Logout §2.1
        }
        metadata.add("subject_types_supported", array(settings.subjectTypes()))
                .add("id_token_signing_alg_values_supported", array(algorithms))
                .add("userinfo_signing_alg_values_supported", array(algorithms))
                .add("claims_supported", array(claimsSupported()))
                .add("claims_parameter_supported", true)
                .add("prompt_values_supported", array(AuthenticationRequestValidator.PROMPTS))
                .add("display_values_supported", array(AuthenticationRequestValidator.DISPLAYS))
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
