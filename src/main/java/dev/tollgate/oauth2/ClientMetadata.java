package dev.tollgate.oauth2;

import static dev.tollgate.common.JsonSupport.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Validated client metadata (RFC 7591 §2). Fields the server does not support are dropped; the
 * {@code null} or empty ones are left out of the JSON.
 */
public record ClientMetadata(List<String> redirectUris, String tokenEndpointAuthMethod, List<String> grantTypes,
                             List<String> responseTypes, String scope, String clientName, String clientUri,
                             String logoUri, String tosUri, String policyUri, List<String> contacts,
                             String softwareId, String softwareVersion) {

    public ClientMetadata {
        redirectUris = List.copyOf(redirectUris);
        grantTypes = List.copyOf(grantTypes);
        responseTypes = List.copyOf(responseTypes);
        contacts = List.copyOf(contacts);
    }

    /**
     * Reads and validates metadata from a registration request.
     *
     * @param capabilities what the server supports: grant and response types, client authentication methods
     * @throws OAuth2Error {@code invalid_redirect_uri} or {@code invalid_client_metadata} (RFC 7591 §3.2.2)
     */
    public static ClientMetadata parse(JsonObject json, OAuth2Settings settings, Capabilities capabilities) {
        List<String> grantTypes = strings(json, "grant_types");
        List<String> responseTypes = strings(json, "response_types");
        // RFC 7591 §2: defaults authorization_code and code; one list given implies the other
        if (grantTypes == null && responseTypes == null) {
            grantTypes = List.of(AuthorizationCodeGrant.GRANT_TYPE);
            responseTypes = List.of(ResponseType.CODE.toString());
        } else if (responseTypes == null) {
            responseTypes = responseTypesFor(grantTypes, capabilities);
        } else if (grantTypes == null) {
            grantTypes = responseTypes.stream().map(type -> grantTypeOf(type, capabilities)).toList();
        }
        checkTypes(grantTypes, responseTypes, capabilities);
        String method = string(json, "token_endpoint_auth_method");
        method = method == null ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC : method;
        if (!capabilities.clientAuthentication().methodNames(false).contains(method)) {
            throw OAuth2Error.invalidClientMetadata("Unsupported token_endpoint_auth_method.");
        }
        List<String> redirectUris = strings(json, "redirect_uris");
        redirectUris = redirectUris == null ? List.of() : redirectUris;
        redirectUris.forEach(RedirectUris::checkRegistrable);
        if (redirectUris.isEmpty() && !responseTypes.isEmpty()) {
            throw OAuth2Error.invalidRedirectUri("redirect_uris are required for redirect-based grants.");
        }
        String scope = string(json, "scope");
        Set<String> scopes = scope == null ? settings.scopesSupported() : parseScope(scope);
        if (!settings.scopesSupported().containsAll(scopes)) {
            throw OAuth2Error.invalidClientMetadata("The scope is not supported.");
        }
        List<String> contacts = strings(json, "contacts");
        return new ClientMetadata(redirectUris, method, grantTypes, responseTypes, Scope.format(scopes),
                string(json, "client_name"), webUri(json, "client_uri"), webUri(json, "logo_uri"),
                webUri(json, "tos_uri"), webUri(json, "policy_uri"), contacts == null ? List.of() : contacts,
                string(json, "software_id"), string(json, "software_version"));
    }

    private static List<String> responseTypesFor(List<String> grantTypes, Capabilities capabilities) {
        return capabilities.authorizationGrants().stream()
                .filter(grant -> grantTypes.contains(grant.grantType()))
                .map(grant -> grant.responseType().toString())
                .sorted()
                .toList();
    }

    // RFC 7591 §2.1: grant types and response types must agree
    private static void checkTypes(List<String> grantTypes, List<String> responseTypes, Capabilities capabilities) {
        for (String grantType : grantTypes) {
            if (!capabilities.grantTypes().contains(grantType)) {
                throw OAuth2Error.invalidClientMetadata("Unsupported grant type '" + grantType + "'.");
            }
        }
        for (String responseType : responseTypes) {
            AuthorizationGrant grant = capabilities.authorizationGrant(responseType);
            if (grant == null) {
                throw OAuth2Error.invalidClientMetadata("Unsupported response type '" + responseType + "'.");
            }
            if (!grantTypes.contains(grant.grantType())) {
                throw OAuth2Error.invalidClientMetadata("response_types and grant_types do not agree.");
            }
        }
        if (!responseTypesFor(grantTypes, capabilities).stream().allMatch(responseTypes::contains)) {
            throw OAuth2Error.invalidClientMetadata("response_types and grant_types do not agree.");
        }
    }

    private static String grantTypeOf(String responseType, Capabilities capabilities) {
        AuthorizationGrant grant = capabilities.authorizationGrant(responseType);
        return grant == null ? responseType : grant.grantType();
    }

    private static Set<String> parseScope(String scope) {
        try {
            return Scope.parse(scope);
        } catch (OAuth2Error e) {
            throw OAuth2Error.invalidClientMetadata("Malformed scope.");
        }
    }

    private static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString text)) {
            throw OAuth2Error.invalidClientMetadata("'" + name + "' must be a string.");
        }
        return text.getString();
    }

    private static List<String> strings(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonArray array) || !array.stream().allMatch(JsonString.class::isInstance)) {
            throw OAuth2Error.invalidClientMetadata("'" + name + "' must be an array of strings.");
        }
        List<String> values = new ArrayList<>();
        array.getValuesAs(JsonString.class).forEach(text -> values.add(text.getString()));
        if (values.stream().distinct().count() != values.size()) {
            throw OAuth2Error.invalidClientMetadata("'" + name + "' has repeated values.");
        }
        return List.copyOf(values);
    }

    // Pages shown to the user link these: only absolute http(s) URIs, never javascript: and the like.
    private static String webUri(JsonObject json, String name) {
        String value = string(json, name);
        Predicate<URI> web = uri -> uri.isAbsolute() && uri.getHost() != null
                && Set.of("https", "http").contains(uri.getScheme().toLowerCase(Locale.ROOT));
        try {
            if (value != null && !web.test(new URI(value))) {
                throw OAuth2Error.invalidClientMetadata("'" + name + "' must be an http(s) URI.");
            }
        } catch (URISyntaxException e) {
            throw OAuth2Error.invalidClientMetadata("'" + name + "' must be an http(s) URI.");
        }
        return value;
    }

    /** The metadata as JSON (RFC 7591 §3.2.1). */
    public JsonObject toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("redirect_uris", array(redirectUris))
                .add("token_endpoint_auth_method", tokenEndpointAuthMethod)
                .add("grant_types", array(grantTypes))
                .add("response_types", array(responseTypes))
                .add("scope", scope);
        addIfPresent(json, "client_name", clientName);
        addIfPresent(json, "client_uri", clientUri);
        addIfPresent(json, "logo_uri", logoUri);
        addIfPresent(json, "tos_uri", tosUri);
        addIfPresent(json, "policy_uri", policyUri);
        if (!contacts.isEmpty()) {
            json.add("contacts", array(contacts));
        }
        addIfPresent(json, "software_id", softwareId);
        addIfPresent(json, "software_version", softwareVersion);
        return json.build();
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static void addIfPresent(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }
}
