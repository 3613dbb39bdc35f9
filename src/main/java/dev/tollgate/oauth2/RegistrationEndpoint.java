package dev.tollgate.oauth2;

import static dev.tollgate.common.JsonSupport.JSON;

import dev.tollgate.common.JsonSupport;
import dev.tollgate.common.Secrets;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;

/**
 * Dynamic client registration (RFC 7591): a JSON POST of client metadata, answered with 201 and the
 * new client's credentials. When {@link RegistrationSettings#initialAccessToken()} is set, the request must
 * carry it as a bearer token (§3); a missing or wrong one is 401 {@code invalid_token}.
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
        RegisteredClient client = new RegisteredClient(Secrets.randomToken(16),
                secret == null ? null : Secrets.sha256(secret), issuedAt, metadata, keepsSecret ? secret : null);
        context.clients().save(client);
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("client_id", client.clientId())
                .add("client_id_issued_at", issuedAt.getEpochSecond());
        if (secret != null) {
            json.add("client_secret", secret).add("client_secret_expires_at", 0);
        }
        metadata.toJson().forEach(json::add);
        return OAuth2Response.json(201, json.build());
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
