package dev.tollgate.oauth2;

import dev.tollgate.common.Secrets;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;

/**
 * The client configuration endpoint (RFC 7592), at the registration endpoint's path followed by {@code /} and the
 * client id: the client presents its {@code registration_access_token} as a bearer token in the
 * {@code Authorization} header (RFC 6750 §2.1 only) to read ({@code GET}, 200), replace ({@code PUT}, 200 with a
 * new token: the old one stops working) or delete ({@code DELETE}, 204) its registration. A missing or wrong
 * token, another client's, or one for a client that was not registered here is 401 {@code invalid_token}, the
 * same whether the client exists or not. The client's {@code token_endpoint_auth_method} cannot be changed.
 */
final class ClientConfiguration {

    private final RegistrationSettings settings;

    ClientConfiguration(RegistrationSettings settings) {
        this.settings = settings;
    }

    /** Answers a request about the registration of {@code clientId} (RFC 7592 §2). */
    OAuth2Response respond(String clientId, OAuth2Request request, EndpointContext context) {
        RegisteredClient client = authenticate(clientId, request, context.clients(), context.settings().realm());
        switch (request.method()) {
            case "GET":
                return OAuth2Response.json(200, RegistrationEndpoint.clientInformation(client, null, null, context.settings()));
            case "PUT":
                return update(client, request, context);
            case "DELETE":
                context.clients().delete(client.clientId());
                context.tokens().revokeClient(client.clientId()); // after: no token is issued to it in between
                return new OAuth2Response(204, Map.of("Cache-Control", "no-store"), "");
            default:
                throw new OAuth2Error(OAuth2Error.INVALID_REQUEST,
                        "The client configuration endpoint accepts GET, PUT and DELETE.", 405)
                        .withChallenge(405, "Allow", "GET, PUT, DELETE");
        }
    }

    // RFC 7592 §2.2: the request holds all of the client's metadata, with its client_id (and client_secret)
    private OAuth2Response update(RegisteredClient client, OAuth2Request request, EndpointContext context) {
        JsonObject sent = RegistrationEndpoint.readObject(request.body());
        JsonObject body = settings.softwareStatements().apply(sent);
        JsonValue clientId = body.get("client_id");
        if (clientId == null || clientId.getValueType() != JsonValue.ValueType.STRING
                || !client.clientId().equals(body.getString("client_id"))) {
            throw OAuth2Error.invalidRequest("client_id must be the client's own.");
        }
        JsonValue secret = body.get("client_secret");
        if (secret != null && (secret.getValueType() != JsonValue.ValueType.STRING || !client.checkClientSecret(
                body.getString("client_secret")))) {
            throw OAuth2Error.invalidRequest("client_secret does not match the client's.");
        }
        ClientMetadata metadata = ClientMetadata.parse(body, context.settings(), context.capabilities(),
                settings.policy());
        if (!metadata.tokenEndpointAuthMethod().equals(client.metadata().tokenEndpointAuthMethod())) {
            throw OAuth2Error.invalidClientMetadata("token_endpoint_auth_method cannot be changed.");
        }
        String registrationAccessToken = Secrets.randomToken(32);
        RegisteredClient updated = client.withMetadata(metadata, Secrets.sha256(registrationAccessToken));
        if (!context.clients().update(updated, client.registrationAccessTokenHash())) {
            throw invalidToken(context.settings().realm(), OAuth2Error.INVALID_TOKEN); // a concurrent update won
        }
        return OAuth2Response.json(200, RegistrationEndpoint.withStatement(RegistrationEndpoint.clientInformation(
                updated, null, registrationAccessToken, context.settings()), sent));
    }

    // RFC 7592 §3, RFC 6750 §2.1: the registration access token, in the Authorization header only
    private static RegisteredClient authenticate(String clientId, OAuth2Request request, ClientStore clients,
                                                 String realm) {
        if (request.param("access_token") != null) {
            throw new OAuth2Error(OAuth2Error.INVALID_REQUEST,
                    "The registration access token is accepted in the Authorization header only.", 400)
                    .withChallenge(400, "WWW-Authenticate", BearerChallenge.of(realm, OAuth2Error.INVALID_REQUEST,
                            "The registration access token is accepted in the Authorization header only.", null));
        }
        String presented = RegistrationEndpoint.bearerToken(request);
        if (presented == null || presented.isEmpty()) {
            throw invalidToken(realm, null); // RFC 6750 §3.1: no error code when no token was sent
        }
        String hash = Secrets.sha256(presented);
        Optional<RegisteredClient> client = clients.findRegistration(clientId);
        String expected = client.map(RegisteredClient::registrationAccessTokenHash).orElse(null);
        if (expected == null || !Secrets.constantTimeEquals(expected, hash)) {
            throw invalidToken(realm, OAuth2Error.INVALID_TOKEN);
        }
        return client.get();
    }

    private static OAuth2Error invalidToken(String realm, String challengeError) {
        String description = "A valid registration access token is required.";
        return new OAuth2Error(OAuth2Error.INVALID_TOKEN, description, 401)
                .withChallenge(401, "WWW-Authenticate", BearerChallenge.of(realm, challengeError,
                        challengeError == null ? null : description, null));
    }
}
