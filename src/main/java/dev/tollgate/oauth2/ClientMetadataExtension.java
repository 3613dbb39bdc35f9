package dev.tollgate.oauth2;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * Client metadata beyond RFC 7591 §2, e.g. OpenID Connect Dynamic Client Registration's: read and validated
 * at registration, kept with the client ({@link OAuth2Client#getMetadata()}) and returned in the registration
 * response. Register it with {@link OAuth2ServerBuilder#clientMetadata(ClientMetadataExtension)}.
 */
public interface ClientMetadataExtension {

    /**
     * Reads the fields this extension knows from a registration request into {@code accepted}, validated;
     * others are left alone (RFC 7591 §2: a server ignores what it does not understand).
     *
     * @param metadata the RFC 7591 fields, already validated
     * @throws OAuth2Error {@code invalid_client_metadata} or {@code invalid_redirect_uri} (RFC 7591 §3.2.2)
     */
    void parse(JsonObject request, ClientMetadata metadata, JsonObjectBuilder accepted);
}
