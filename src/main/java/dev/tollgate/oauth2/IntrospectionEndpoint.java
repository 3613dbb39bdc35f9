package dev.tollgate.oauth2;

import static dev.tollgate.common.JsonSupport.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/**
 * Token introspection (RFC 7662). The caller authenticates as a confidential client; the policy
 * decides what it may see. An unknown, expired, revoked or hidden token is {@code {"active": false}}
 * and nothing more (§2.2). Access tokens are read as the server's resource protector reads them (its
 * {@link AccessTokenResolver}: a self-contained one is validated locally), refresh tokens in the store.
 */
public final class IntrospectionEndpoint implements Endpoint {

    public static final String NAME = "introspection";

    /** A token's own client and clients registered as resource servers may introspect it. */
    public static final IntrospectionPolicy DEFAULT_POLICY = (caller, token) ->
            caller.isResourceServer() || caller.getClientId().equals(token.getClientId());

    private final IntrospectionPolicy policy;

    public IntrospectionEndpoint(IntrospectionPolicy policy) {
        this.policy = policy;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OAuth2Response createResponse(OAuth2Request request, EndpointContext context) {
        if (!"POST".equals(request.method())) {
            throw OAuth2Error.invalidRequest("The introspection endpoint accepts POST only."); // §2.1
        }
        OAuth2Client caller = context.authenticateClient(request, true);
        String presented = request.form("token");
        if (presented == null) {
            throw OAuth2Error.invalidRequest("Missing token.");
        }
        Instant now = context.clock().instant();
        JsonObject body = TokenLookup.findActive(context.accessTokens(), context.tokenStore(), presented,
                        request.form("token_type_hint"), now)
                .filter(found -> policy.mayIntrospect(caller, found.token()))
                .map(found -> active(found, context.settings().issuer()))
                .orElseGet(() -> JSON.createObjectBuilder().add("active", false).build());
        return OAuth2Response.json(200, body);
    }

    private static JsonObject active(TokenLookup.Found found, String issuer) {
        OAuth2Token token = found.token();
        Instant expiresAt = found.refreshToken() ? token.getRefreshTokenExpiresAt() : token.getExpiresAt();
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("active", true)
                .add("scope", found.refreshToken() ? token.getRefreshTokenScope() : token.getScope())
                .add("client_id", token.getClientId());
        if (token.getUsername() != null) {
            json.add("username", token.getUsername());
            json.add("sub", token.getUsername());
        }
        String jkt = token.getAttributes().get(OAuth2Token.JWK_THUMBPRINT);
        if (!found.refreshToken()) {
            json.add("token_type", jkt == null ? TokenResponse.BEARER : "DPoP");
        }
        if (jkt != null) {
            json.add("cnf", JSON.createObjectBuilder().add("jkt", jkt)); // RFC 9449 §6.2
        }
        return json.add("exp", expiresAt.getEpochSecond())
                .add("iat", token.getIssuedAt().getEpochSecond())
                .add("iss", issuer)
                .build();
    }

    @Override
    public void describe(JsonObjectBuilder metadata, OAuth2Settings settings, Capabilities capabilities) {
        metadata.add("introspection_endpoint", settings.endpointUrl(NAME));
        metadata.add("introspection_endpoint_auth_methods_supported",
                MetadataEndpoint.sorted(capabilities.clientAuthentication().methodNames(true)));
    }
}
