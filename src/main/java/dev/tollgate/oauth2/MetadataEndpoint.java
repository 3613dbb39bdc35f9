package dev.tollgate.oauth2;

import static dev.tollgate.common.JsonSupport.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Authorization server metadata (RFC 8414), served at {@code /.well-known/oauth-authorization-server};
 * built from what the server was built with, so it never claims what the server does not do.
 */
public final class MetadataEndpoint implements Endpoint {

    public static final String NAME = "metadata";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OAuth2Response createResponse(OAuth2Request request, EndpointContext context) {
        return OAuth2Response.json(200, metadata(context.settings(), context.capabilities()));
    }

    /** The metadata document of a server (RFC 8414 §2). */
    public static JsonObject metadata(OAuth2Settings settings, Capabilities capabilities) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("issuer", settings.issuer());
        if (!capabilities.authorizationGrants().isEmpty() && settings.serves(OAuth2Settings.AUTHORIZATION)) {
            json.add("authorization_endpoint", settings.endpointUrl(OAuth2Settings.AUTHORIZATION));
        }
        if (!capabilities.tokenGrants().isEmpty() && settings.serves(OAuth2Settings.TOKEN)) {
            json.add("token_endpoint", settings.endpointUrl(OAuth2Settings.TOKEN));
            boolean confidentialOnly = capabilities.tokenGrants().stream().allMatch(TokenGrant::requiresConfidentialClient);
            json.add("token_endpoint_auth_methods_supported",
                    sorted(capabilities.clientAuthentication().methodNames(confidentialOnly)));
        }
        capabilities.endpoints().stream().filter(endpoint -> settings.serves(endpoint.name()))
                .forEach(endpoint -> endpoint.describe(json, settings, capabilities));
        json.add("scopes_supported", sorted(settings.scopesSupported()));
        json.add("response_types_supported", sorted(capabilities.responseTypes()));
        if (!capabilities.authorizationGrants().isEmpty()) {
            json.add("response_modes_supported", sorted(capabilities.responseModeNames()));
            // OpenID Connect Discovery §3, registered by RFC 8414 §7.1.2; request_uri's default would be true
            json.add("request_parameter_supported", capabilities.resolves("request"));
            json.add("request_uri_parameter_supported", false); // pushed request_uris only, never fetched ones
            capabilities.requestResolvers().forEach(resolver -> resolver.describe(json));
        }
        json.add("grant_types_supported", sorted(capabilities.grantTypes()));
        capabilities.allExtensions().forEach(extension -> extension.describe(json));
        json.add("authorization_response_iss_parameter_supported", true); // RFC 9207 §3
        return json.build();
    }

    static JsonArrayBuilder sorted(Collection<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        new TreeSet<>(values).forEach(array::add);
        return array;
    }
}
