package dev.tollgate.common;

import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;

/**
 * The JSON-P provider, looked up once. {@code jakarta.json.Json}'s static methods look the provider up
 * through the service loader on every call, which costs more than the JSON itself on a busy endpoint.
 */
public final class JsonSupport {

    /** Use {@code JSON.createObjectBuilder()} and friends instead of {@code Json.createObjectBuilder()}. */
    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonSupport() {
    }

    /**
     * Reads one JSON value that is the whole text: anything after it is refused, which
     * {@code JsonReader.readValue()} would ignore.
     *
     * @throws IllegalArgumentException if the text is not exactly one JSON value (or the parser refuses it: Parsson
     *                                  refuses a number of over 1,100 digits and nesting over 1,000 levels)
     */
    public static JsonValue parse(String text) {
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw new IllegalArgumentException("No JSON value");
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw new IllegalArgumentException("Text after the JSON value");
            }
            return value;
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getMessage(), e);
        }
    }
}
