package dev.tollgate.oauth2;

import static dev.tollgate.common.JsonSupport.JSON;
import static dev.tollgate.oauth2.MetadataJson.MAX_LENGTH;
import static dev.tollgate.oauth2.MetadataJson.string;
import static dev.tollgate.oauth2.MetadataJson.strings;
import static dev.tollgate.oauth2.MetadataJson.webUri;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;

/**
 * Validated client metadata (RFC 7591 §2). Fields the server does not support are dropped; the
 * {@code null} or empty ones are left out of the JSON.
 */
public record ClientMetadata(List<String> redirectUris, String tokenEndpointAuthMethod, List<String> grantTypes,
                             List<String> responseTypes, String scope, String clientName, String clientUri,
                             String logoUri, String tosUri, String policyUri, List<String> contacts,
                             String softwareId, String softwareVersion, JsonObject additional) {

    /** The longest {@code client_name}: what the client tables hold. */
    public static final int MAX_CLIENT_NAME = 200;

    public ClientMetadata {
        redirectUris = List.copyOf(redirectUris);
        grantTypes = List.copyOf(grantTypes);
        responseTypes = List.copyOf(responseTypes);
        contacts = List.copyOf(contacts);
        additional = additional == null ? JsonValue.EMPTY_JSON_OBJECT : additional;
    }

    /**
     * Reads and validates metadata from a registration request.
     *
     * @param capabilities what the server supports: grant and response types, client authentication methods
     * @param policy       what a client may register for itself
     * @throws OAuth2Error {@code invalid_redirect_uri} or {@code invalid_client_metadata} (RFC 7591 §3.2.2)
     */
    public static ClientMetadata parse(JsonObject json, OAuth2Settings settings, Capabilities capabilities,
                                       RegistrationPolicy policy) {
        List<String> grantTypes = strings(json, "grant_types", MAX_LENGTH);
        List<String> responseTypes = strings(json, "response_types", MAX_LENGTH);
        // RFC 7591 §2: defaults authorization_code and code; one list given implies the other
        ClientTypes types = new ClientTypes(capabilities);
        if (grantTypes == null && responseTypes == null) {
            grantTypes = List.of(AuthorizationCodeGrant.GRANT_TYPE);
            responseTypes = List.of(ResponseType.CODE.toString());
        } else if (responseTypes == null) {
            responseTypes = types.responseTypesFor(grantTypes);
        } else if (grantTypes == null) {
            grantTypes = responseTypes.stream().map(types::grantTypeOf).toList();
        }
        types.check(grantTypes, responseTypes);
        String method = string(json, "token_endpoint_auth_method", MAX_LENGTH);
        method = method == null ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC : method;
        if (!capabilities.clientAuthentication().methodNames(false).contains(method)) {
            throw OAuth2Error.invalidClientMetadata("Unsupported token_endpoint_auth_method.");
        }
        List<String> redirectUris = strings(json, "redirect_uris", Integer.MAX_VALUE); // RedirectUris checks lengths
        redirectUris = redirectUris == null ? List.of() : redirectUris;
        RedirectUris.checkRegistrable(redirectUris);
        if (redirectUris.isEmpty() && !responseTypes.isEmpty()) {
            throw OAuth2Error.invalidRedirectUri("redirect_uris are required for redirect-based grants.");
        }
        String scope = string(json, "scope", MAX_LENGTH);
        Set<String> scopes = scope == null ? policy.defaultScope(settings.scopesSupported()) : parseScope(scope);
        if (!settings.scopesSupported().containsAll(scopes)) {
            throw OAuth2Error.invalidClientMetadata("The scope is not supported.");
        }
        List<String> contacts = strings(json, "contacts", 320); // RFC 5321 §4.5.3.1: an address is at most 320
        ClientMetadata metadata = new ClientMetadata(redirectUris, method, grantTypes, responseTypes,
                Scope.format(scopes), string(json, "client_name", MAX_CLIENT_NAME), webUri(json, "client_uri"),
                webUri(json, "logo_uri"), webUri(json, "tos_uri"), webUri(json, "policy_uri"),
                contacts == null ? List.of() : contacts, string(json, "software_id", MAX_LENGTH),
                string(json, "software_version", MAX_LENGTH), null);
        policy.check(metadata, capabilities);
        JsonObjectBuilder additional = JSON.createObjectBuilder();
        for (ClientMetadataExtension extension : capabilities.clientMetadataExtensions()) {
            extension.parse(json, metadata, additional);
        }
        return metadata.withAdditional(additional.build());
    }

    private static Set<String> parseScope(String scope) {
        try {
            return Scope.parse(scope);
        } catch (OAuth2Error e) {
            throw OAuth2Error.invalidClientMetadata("Malformed scope.");
        }
    }

    /** This metadata with the fields of the {@link ClientMetadataExtension}s. */
    public ClientMetadata withAdditional(JsonObject fields) {
        return new ClientMetadata(redirectUris, tokenEndpointAuthMethod, grantTypes, responseTypes, scope, clientName,
                clientUri, logoUri, tosUri, policyUri, contacts, softwareId, softwareVersion, fields);
    }

    private static final Set<String> STANDARD_FIELDS = Set.of("redirect_uris", "token_endpoint_auth_method",
            "grant_types", "response_types", "scope", "client_name", "client_uri", "logo_uri", "tos_uri",
            "policy_uri", "contacts", "software_id", "software_version");

    /**
     * Reads back metadata that {@link #toJson} wrote, e.g. from a store, without validating it again: what
     * is not a field of RFC 7591 §2 becomes {@link #additional()}.
     */
    public static ClientMetadata fromJson(JsonObject json) {
        JsonObjectBuilder additional = JSON.createObjectBuilder();
        json.forEach((name, value) -> {
            if (!STANDARD_FIELDS.contains(name)) {
                additional.add(name, value);
            }
        });
        return new ClientMetadata(stored(json, "redirect_uris"), json.getString("token_endpoint_auth_method",
                ClientAuthenticationMethod.CLIENT_SECRET_BASIC), stored(json, "grant_types"),
                stored(json, "response_types"), json.getString("scope", null), json.getString("client_name", null),
                json.getString("client_uri", null), json.getString("logo_uri", null), json.getString("tos_uri", null),
                json.getString("policy_uri", null), stored(json, "contacts"), json.getString("software_id", null),
                json.getString("software_version", null), additional.build());
    }

    private static List<String> stored(JsonObject json, String name) {
        return json.containsKey(name) && json.get(name).getValueType() == JsonValue.ValueType.ARRAY
                ? json.getJsonArray(name).getValuesAs(jakarta.json.JsonString::getString) : List.of();
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
        additional.forEach(json::add);
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
