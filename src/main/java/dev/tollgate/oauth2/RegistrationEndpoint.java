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
 *
 * <p>The registration response carries {@code registration_client_uri} and a {@code registration_access_token}
 * (kept only as a hash), with which the client manages its registration at this endpoint's path followed by
 * {@code /} and the client id ({@link ClientConfiguration}, RFC 7592).
 */
public final class RegistrationEndpoint implements Endpoint {

    public static final String NAME = "client_registration";

    private static final String CLIENT_SECRET_JWT = "client_secret_jwt";

    private final RegistrationSettings settings;
    private final ClientConfiguration configuration;

    public RegistrationEndpoint(RegistrationSettings settings) {
        this.settings = settings;
        this.configuration = new ClientConfiguration(settings);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OAuth2Response createResponse(OAuth2Request request, EndpointContext context) {
        String managed = managedClientId(request, context.settings());
        if (managed != null) {
            return configuration.respond(managed, request, context);
        }
        if (!"POST".equals(request.method())) {
            throw OAuth2Error.invalidRequest("The registration endpoint accepts POST only.");
        }
        checkInitialAccessToken(request, context.settings().realm());
        JsonObject sent = readObject(request.body());
        ClientMetadata metadata = ClientMetadata.parse(settings.softwareStatements().apply(sent), context.settings(),
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
        return OAuth2Response.json(201, withStatement(clientInformation(client, secret, registrationAccessToken,
                context.settings()), sent));
    }

    // RFC 7591 §3.2.1, RFC 7592 §3: the client information response
    static JsonObject clientInformation(RegisteredClient client, String secret, String registrationAccessToken,
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

    // RFC 7591 §3.2.1: a software statement used is returned unmodified
    static JsonObject withStatement(JsonObject information, JsonObject sent) {
        JsonValue statement = sent.get(SoftwareStatements.PARAMETER);
        return statement == null ? information
                : JSON.createObjectBuilder(information).add(SoftwareStatements.PARAMETER, statement).build();
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

    // RFC 7591 §3: the initial access token is an OAuth 2.0 bearer token (RFC 6750 §3.1 errors)
    private void checkInitialAccessToken(OAuth2Request request, String realm) {
        String expected = settings.initialAccessToken();
        if (expected == null) {
            return;
        }
        if (!Secrets.constantTimeEquals(expected, bearerToken(request))) {
            throw new OAuth2Error(OAuth2Error.INVALID_TOKEN, "A valid initial access token is required.", 401)
                    .withChallenge(401, "WWW-Authenticate", BearerChallenge.of(realm,
                            OAuth2Error.INVALID_TOKEN, "A valid initial access token is required.", null));
        }
    }

    /** The token of an {@code Authorization: Bearer} header (RFC 6750 §2.1), or {@code null}. */
    static String bearerToken(OAuth2Request request) {
        String authorization = request.authorization();
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
    }

    static JsonObject readObject(String body) {
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
