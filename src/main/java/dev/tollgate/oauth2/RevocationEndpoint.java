package dev.tollgate.oauth2;

import static dev.tollgate.common.JsonSupport.JSON;

import jakarta.json.JsonObjectBuilder;

/**
 * Token revocation (RFC 7009). The client authenticates; revoking an access token revokes its record
 * (and its refresh token, §2.1 allows it); revoking a refresh token revokes every token of its grant.
 * An unknown token still gets 200 (§2.2); another client's token gets {@code invalid_grant} and stays
 * valid (§2.1).
 */
public final class RevocationEndpoint implements Endpoint {

    public static final String NAME = "revocation";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OAuth2Response createResponse(OAuth2Request request, EndpointContext context) {
        if (!"POST".equals(request.method())) {
            throw OAuth2Error.invalidRequest("The revocation endpoint accepts POST only."); // §2.1
        }
        OAuth2Client client = context.authenticateClient(request, false);
        String presented = request.form("token");
        if (presented == null) {
            throw OAuth2Error.invalidRequest("Missing token.");
        }
        TokenLookup.find(context.tokenStore(), presented, request.form("token_type_hint")).ifPresent(found -> {
            OAuth2Token token = found.token();
            if (!token.getClientId().equals(client.getClientId())) {
                throw OAuth2Error.invalidGrant("The token was issued to another client.");
            }
            if (found.refreshToken()) {
                context.tokens().revokeGrant(token.getGrantId());
            } else {
                context.tokens().revoke(token);
            }
        });
        return OAuth2Response.json(200, JSON.createObjectBuilder().build());
    }

    @Override
    public void describe(JsonObjectBuilder metadata, OAuth2Settings settings, Capabilities capabilities) {
        metadata.add("revocation_endpoint", settings.endpointUrl(NAME));
        metadata.add("revocation_endpoint_auth_methods_supported",
                MetadataEndpoint.sorted(capabilities.clientAuthentication().methodNames(false)));
    }
}
