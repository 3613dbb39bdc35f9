package dev.tollgate.oauth2;

import static dev.tollgate.common.JsonSupport.JSON;

import dev.tollgate.common.JsonSupport;
import dev.tollgate.common.Secrets;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Dynamic client registration (RFC 7591): a JSON POST of client metadata, answered with 201 and the
 * new client's credentials. When {@link RegistrationSettings#initialAccessToken()} is set, the request must
 * carry it as a bearer token (§3); a missing or wrong one is 401 {@code invalid_token}.
 *
 * <p>Also the client configuration endpoint of RFC 7592, at this endpoint's path followed by {@code /} and the
 * client id: the registration response carries {@code registration_client_uri} and a
 * {@code registration_access_token} (kept only as a hash), which the client presents as a bearer token in the
 * {@code Authorization} header (RFC 6750 §2.1 only) to read ({@code GET}, 200), replace ({@code PUT}, 200 with
 * a new token: the old one stops working) or delete ({@code DELETE}, 204) its registration. A missing or wrong
 * token, another client's, or one for a client that was not registered here is 401 {@code invalid_token}, the
 * same whether the client exists or not. The client's {@code token_endpoint_auth_method} cannot be changed.
 */
public final class RegistrationEndpoint implements Endpoint {

    public static final String NAME = "client_registration";

    private static final String CLIENT_SECRET_JWT = "client_secret_jwt";

    private final RegistrationSettings settings;

    public RegistrationEndpoint(RegistrationSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OAuth2Response createResponse(OAuth2Request request, EndpointContext context) {
        String managed = managedClientId(request, context.settings());
        if (managed != null) {
            return manage(managed, request, context);
        }
        if (!"POST".equals(request.method())) {
            throw OAuth2Error.invalidRequest("The registration endpoint accepts POST only.");
        }
        checkInitialAccessToken(request, context.settings().realm());
        ClientMetadata metadata = ClientMetadata.parse(readObject(request.body()), context.settings(),
                context.capabilities(), settings.policy());
        ClientAuthenticationMethod method = context.capabilities().clientAuthentication()
                .method(metadata.tokenEndpointAuthMethod());
        String secret = method.usesSecret() ? Secrets.randomToken(32) : null;
        Instant issuedAt = context.clock().instant();
        boolean keepsSecret = CLIENT_SECRET_JWT.equals(metadata.tokenEndpointAuthMethod()); // an HMAC key
        String registrationAccessToken = Secrets.randomToken(32);
        RegisteredClient client = new RegisteredClient(Secrets.randomToken(16),
                secret == null ? null : Secrets.sha256(secret), issuedAt, metadata, keepsSecret ? secret : null,
                Secrets.sha256(registrationAccessToken));
        context.clients().save(client);
        return OAuth2Response.json(201, clientInformation(client, secret, registrationAccessToken,
                context.settings()));
    }

    // RFC 7591 §3.2.1, RFC 7592 §3: the client information response
    private static JsonObject clientInformation(RegisteredClient client, String secret, String registrationAccessToken,
                                                OAuth2Settings settings) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("client_id", client.clientId())
                .add("client_id_issued_at", client.clientIdIssuedAt().getEpochSecond());
        if (secret != null) {
            json.add("client_secret", secret).add("client_secret_expires_at", 0);
        }
        if (registrationAccessToken != null) {
            json.add("registration_access_token", registrationAccessToken);
        }
        json.add("registration_client_uri", settings.endpointUrl(NAME) + "/" + client.clientId());
        client.metadata().toJson().forEach(json::add);
        return json.build();
    }

    /**
     * The client id of a request to the client configuration endpoint ({@code …/register/{client_id}}), or
     * {@code null} for one to the registration endpoint itself. Only the end of the path is looked at, so that
     * a context path or a proxy in front does not matter.
     */
    private static String managedClientId(OAuth2Request request, OAuth2Settings settings) {
        String base = settings.endpoints().get(NAME);
        String path = request.uri().getPath();
        if (base == null || path == null) {
            return null;
        }
        base = base.endsWith("/") ? base : base + "/";
        int at = path.lastIndexOf(base);
        if (at < 0 || path.endsWith(base)) {
            return null;
        }
        return path.substring(at + base.length());
    }

    // RFC 7592 §2
    private OAuth2Response manage(String clientId, OAuth2Request request, EndpointContext context) {
        RegisteredClient client = authenticate(clientId, request, context.clients(), context.settings().realm());
        switch (request.method()) {
            case "GET":
                return OAuth2Response.json(200, clientInformation(client, null, null, context.settings()));
            case "PUT":
                return update(client, request, context);
            case "DELETE":
                context.clients().delete(client.clientId());
                return new OAuth2Response(204, Map.of("Cache-Control", "no-store"), "");
            default:
                throw new OAuth2Error(OAuth2Error.INVALID_REQUEST,
                        "The client configuration endpoint accepts GET, PUT and DELETE.", 405)
                        .withChallenge(405, "Allow", "GET, PUT, DELETE");
        }
    }

    // RFC 7592 §2.2: the request holds all of the client's metadata, with its client_id (and client_secret)
    private OAuth2Response update(RegisteredClient client, OAuth2Request request, EndpointContext context) {
        JsonObject body = readObject(request.body());
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
        return OAuth2Response.json(200, clientInformation(updated, null, registrationAccessToken,
                context.settings()));
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
        String authorization = request.authorization();
        String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
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

    // RFC 7591 §3: the initial access token is an OAuth 2.0 bearer token (RFC 6750 §3.1 errors)
    private void checkInitialAccessToken(OAuth2Request request, String realm) {
        String expected = settings.initialAccessToken();
        if (expected == null) {
            return;
        }
        String authorization = request.authorization();
        String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        if (!Secrets.constantTimeEquals(expected, presented)) {
            throw new OAuth2Error(OAuth2Error.INVALID_TOKEN, "A valid initial access token is required.", 401)
                    .withChallenge(401, "WWW-Authenticate", BearerChallenge.of(realm,
                            OAuth2Error.INVALID_TOKEN, "A valid initial access token is required.", null));
        }
    }

    private static JsonObject readObject(String body) {
        JsonValue value;
        try {
            value = JsonSupport.parse(body);
        } catch (IllegalArgumentException e) {
            throw OAuth2Error.invalidRequest("The request body is not acceptable JSON.");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw OAuth2Error.invalidClientMetadata("The request body must be a JSON object.");
        }
        return value.asJsonObject();
    }

    @Override
    public void describe(JsonObjectBuilder metadata, OAuth2Settings settings, Capabilities capabilities) {
        metadata.add("registration_endpoint", settings.endpointUrl(NAME));
    }
}
