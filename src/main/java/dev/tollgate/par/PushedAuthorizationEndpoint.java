package dev.tollgate.par;

import static dev.tollgate.common.JsonSupport.JSON;

import dev.tollgate.common.Secrets;
import dev.tollgate.oauth2.Capabilities;
import dev.tollgate.oauth2.Endpoint;
import dev.tollgate.oauth2.EndpointContext;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.OAuth2Response;
import dev.tollgate.oauth2.OAuth2Settings;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The pushed authorization request endpoint (RFC 9126 §2): the client authenticates as at the token endpoint and
 * posts the parameters of an authorization request, a request object among them if it likes (§3). They are validated
 * as the authorization endpoint would, every error answered as JSON and none redirected (§2.3), and kept in the
 * {@link PushedRequestStore} for {@link PushedRequestSettings#lifetime()}; the answer is 201 with the
 * {@code request_uri} that stands for them (256 random bits; only its hash is kept) and {@code expires_in}.
 */
public final class PushedAuthorizationEndpoint implements Endpoint {

    public static final String NAME = "pushed_authorization_request";
    /** Where it is unless the settings move it. */
    public static final String DEFAULT_PATH = "/oauth2/par";
    /** RFC 9126 §2.2: the URN prefix of the request URIs this server hands out. */
    public static final String REQUEST_URI_PREFIX = "urn:ietf:params:oauth:request_uri:";

    /** The parameters that authenticate the client: not part of the authorization request. */
    private static final List<String> CREDENTIALS = List.of("client_secret", "client_assertion",
            "client_assertion_type");

    private final PushedRequestStore store;
    private final PushedRequestSettings settings;

    public PushedAuthorizationEndpoint(PushedRequestStore store, PushedRequestSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OAuth2Response createResponse(OAuth2Request request, EndpointContext context) {
        if (!"POST".equals(request.method())) {
            throw OAuth2Error.invalidRequest("The pushed authorization request endpoint accepts POST only.");
        }
        OAuth2Client client = context.authenticateClient(request, false);
        Map<String, String> parameters = new LinkedHashMap<>(request.form());
        CREDENTIALS.forEach(parameters::remove);
        String clientId = parameters.putIfAbsent("client_id", client.getClientId());
        if (clientId != null && !clientId.equals(client.getClientId())) {
            throw OAuth2Error.invalidRequest("client_id is not the authenticated client."); // §2.1
        }
        OAuth2Request pushed;
        try {
            pushed = context.authorizationRequests().validatePushed(request.withParameters(parameters));
        } catch (OAuth2Error e) {
            throw e.isRedirect() ? new OAuth2Error(e.error(), e.description(), 400) : e; // §2.3
        }
        String requestUri = REQUEST_URI_PREFIX + Secrets.randomToken(32);
        Instant expiresAt = context.clock().instant().plus(settings.lifetime());
        store.save(Secrets.sha256(requestUri), new PushedRequest(client.getClientId(), pushed.query(), expiresAt),
                settings.lifetime());
        return OAuth2Response.json(201, JSON.createObjectBuilder().add("request_uri", requestUri)
                .add("expires_in", settings.lifetime().toSeconds()).build());
    }

    @Override
    public void describe(JsonObjectBuilder metadata, OAuth2Settings server, Capabilities capabilities) {
        metadata.add("pushed_authorization_request_endpoint", server.endpointUrl(NAME, DEFAULT_PATH)); // §5
        metadata.add(PushedAuthorizationRequests.REQUIRED, settings.requiredForAllClients());
    }
}
