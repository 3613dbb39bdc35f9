package dev.tollgate.common;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. {@code jakarta.json.Json}'s static methods look the provider up
 * through the service loader on every call, which costs more than the JSON itself on a busy endpoint.
 */
public final class JsonSupport {

    /** Use {@code JSON.createObjectBuilder()} and friends instead of {@code Json.createObjectBuilder()}. */
    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonSupport() {
    }
}
