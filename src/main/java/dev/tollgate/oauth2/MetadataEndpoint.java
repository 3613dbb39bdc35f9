package dev.tollgate.oauth2;

import static dev.tollgate.common.JsonSupport.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Authorization server metadata (RFC 8414), served at {@code /.well-known/oauth-authorization-server};
 * built from the registered grants and endpoints, so it never claims what the server does not do.
 */
public final class MetadataEndpoint implements Endpoint {

    public static final String NAME = "metadata";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OAuth2Response createResponse(OAuth2Request request, AuthorizationServer server) {
        return OAuth2Response.json(200, metadata(server));
    }

    /** The metadata document of a server (RFC 8414 §2). */
    public static JsonObject metadata(AuthorizationServer server) {
        OAuth2Settings settings = server.settings();
        JsonObjectBuilder json = JSON.createObjectBuilder().add("issuer", settings.issuer());
        TreeSet<String> responseTypes = new TreeSet<>();
        TreeSet<String> grantTypes = new TreeSet<>();
        server.authorizationGrants().forEach(grant -> {
            responseTypes.add(grant.responseType());
            grantTypes.add(grant.grantType());
        });
        server.tokenGrants().forEach(grant -> grantTypes.add(grant.grantType()));
        if (!responseTypes.isEmpty()) {
            json.add("authorization_endpoint", settings.url(settings.authorizationEndpoint()));
        }
        if (!server.tokenGrants().isEmpty()) {
            json.add("token_endpoint", settings.url(settings.tokenEndpoint()));
            TreeSet<String> methods = new TreeSet<>();
            server.tokenGrants().forEach(grant -> methods.addAll(grant.clientAuthenticationMethods()));
            json.add("token_endpoint_auth_methods_supported", sorted(methods));
        }
        server.endpoints().forEach(endpoint -> endpoint.describe(json, server));
        json.add("scopes_supported", sorted(settings.scopesSupported()));
        json.add("response_types_supported", sorted(responseTypes));
        json.add("grant_types_supported", sorted(grantTypes));
        if (server.authorizationGrant(AuthorizationCodeGrant.RESPONSE_TYPE) != null) {
            JsonArrayBuilder methods = JSON.createArrayBuilder().add(Pkce.S256);
            json.add("code_challenge_methods_supported",
                    settings.pkcePlainAllowed() ? methods.add(Pkce.PLAIN) : methods);
        }
        json.add("authorization_response_iss_parameter_supported", true); // RFC 9207 §3
        return json.build();
    }

    static JsonArrayBuilder sorted(Collection<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        new TreeSet<>(values).forEach(array::add);
        return array;
    }
}
