package dev.tollgate.par;

import dev.tollgate.common.Secrets;
import dev.tollgate.oauth2.AuthorizationRequest;
import dev.tollgate.oauth2.AuthorizationRequestResolver;
import dev.tollgate.oauth2.ClientMetadata;
import dev.tollgate.oauth2.ClientMetadataExtension;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.OAuth2ServerBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.Objects;

/**
 * The authorization endpoint's side of pushed authorization requests (RFC 9126 §4): a {@code request_uri} the
 * {@link PushedAuthorizationEndpoint} handed out stands for the parameters pushed, and only those (the query's others
 * are ignored). It works only for the client that pushed it, until it expires, and for one authorization: the sign-in
 * and consent pages may read it again, and the decision on it, granted or denied, uses it up, atomically across the
 * cluster. An unknown, expired, used or another client's one is {@value #INVALID_REQUEST_URI}, never redirected. A
 * client that registered {@value #REQUIRED} {@code true}, or every client when
 * {@link PushedRequestSettings#requiredForAllClients()}, must come this way ({@code invalid_request} otherwise, §6).
 */
public final class PushedAuthorizationRequests implements AuthorizationRequestResolver, ClientMetadataExtension {

    public static final String PARAMETER = "request_uri";
    /** Client metadata and server metadata (RFC 9126 §5, §6). */
    public static final String REQUIRED = "require_pushed_authorization_requests";
    /** RFC 9101 §7: the {@code request_uri} does not stand for a request. */
    public static final String INVALID_REQUEST_URI = "invalid_request_uri";

    private final PushedRequestStore store;
    private final PushedRequestSettings settings;
    private final Clock clock;

    public PushedAuthorizationRequests(PushedRequestStore store, PushedRequestSettings settings, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Registers the endpoint, this resolver and the client metadata field on the builder. */
    public static PushedAuthorizationRequests install(OAuth2ServerBuilder builder, PushedRequestStore store,
                                                      PushedRequestSettings settings) {
        PushedAuthorizationRequests requests = new PushedAuthorizationRequests(store, settings, builder.clock());
        builder.endpoint(new PushedAuthorizationEndpoint(store, settings))
                .authorizationRequestResolver(requests)
                .clientMetadata(requests);
        return requests;
    }

    @Override
    public String parameter() {
        return PARAMETER;
    }

    @Override
    public OAuth2Request resolve(OAuth2Request request, OAuth2Client client) {
        String requestUri = request.param(PARAMETER);
        if (requestUri == null) {
            if (settings.requiredForAllClients() || client.getMetadata().getBoolean(REQUIRED, false)) {
                throw OAuth2Error.invalidRequest("This client must push its authorization requests (RFC 9126).");
            }
            return request;
        }
        if (request.param("request") != null) {
            throw OAuth2Error.invalidRequest("Send request or request_uri, not both."); // RFC 9101 §5
        }
        PushedRequest pushed = store.find(Secrets.sha256(requestUri))
                .filter(found -> found.clientId().equals(client.getClientId()))
                .filter(found -> clock.instant().isBefore(found.expiresAt()))
                .orElseThrow(() -> new OAuth2Error(INVALID_REQUEST_URI,
                        "The request_uri is unknown, expired, used already or another client's.", 400));
        return request.withParameters(pushed.parameters());
    }

    @Override
    public void redeem(AuthorizationRequest request) {
        String requestUri = request.attribute(AuthorizationRequest.REQUEST_URI);
        if (requestUri != null && !store.remove(Secrets.sha256(requestUri))) {
            throw new OAuth2Error(INVALID_REQUEST_URI, "The request_uri was used already.", 400);
        }
    }

    @Override
    public void parse(JsonObject request, ClientMetadata metadata, JsonObjectBuilder accepted) {
        JsonValue required = request.get(REQUIRED);
        if (required != null && required != JsonValue.NULL) {
            if (required != JsonValue.TRUE && required != JsonValue.FALSE) {
                throw OAuth2Error.invalidClientMetadata("'" + REQUIRED + "' must be a boolean.");
            }
            accepted.add(REQUIRED, required);
        }
    }
}
