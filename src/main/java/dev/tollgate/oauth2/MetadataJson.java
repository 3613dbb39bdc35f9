package dev.tollgate.oauth2;

import dev.tollgate.common.Identifiers;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads client metadata fields (RFC 7591 §2) of the right type and within limits, or says which is wrong. */
public final class MetadataJson {

    /** The longest string a metadata field may hold, unless its column is shorter. */
    public static final int MAX_LENGTH = 2000;
    /** The most values an array field may hold. */
    public static final int MAX_VALUES = 20;

    private MetadataJson() {
    }

    /** A string field, or {@code null} when absent. */
    public static String string(JsonObject json, String name, int maxLength) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString text)) {
            throw OAuth2Error.invalidClientMetadata("'" + name + "' must be a string.");
        }
        if (text.getString().length() > maxLength) {
            throw OAuth2Error.invalidClientMetadata("'" + name + "' is longer than " + maxLength + " characters.");
        }
        if (!Identifiers.hasNoControlCharacter(text.getString())) {
            throw OAuth2Error.invalidClientMetadata("'" + name + "' has a control character."); // a NUL fails SQL
        }
        return text.getString();
    }

    /** An array of distinct strings, or {@code null} when absent. */
    public static List<String> strings(JsonObject json, String name, int maxLength) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonArray array) || !array.stream().allMatch(JsonString.class::isInstance)) {
            throw OAuth2Error.invalidClientMetadata("'" + name + "' must be an array of strings.");
        }
        if (array.size() > MAX_VALUES) {
            throw OAuth2Error.invalidClientMetadata("'" + name + "' has more than " + MAX_VALUES + " values.");
        }
        List<String> values = array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        if (values.stream().distinct().count() != values.size()) {
            throw OAuth2Error.invalidClientMetadata("'" + name + "' has repeated values.");
        }
        if (!values.stream().allMatch(Identifiers::hasNoControlCharacter)) {
            throw OAuth2Error.invalidClientMetadata("A value of '" + name + "' has a control character.");
        }
        if (values.stream().anyMatch(text -> text.length() > maxLength)) {
            throw OAuth2Error.invalidClientMetadata("A value of '" + name + "' is longer than " + maxLength
                    + " characters.");
        }
        return values;
    }

    /** An absolute http(s) URI: pages shown to the user link these, never {@code javascript:} and the like. */
    public static String webUri(JsonObject json, String name) {
        String value = string(json, name, MAX_LENGTH);
        try {
            URI uri = value == null ? null : new URI(value);
            if (uri != null && !(uri.isAbsolute() && uri.getHost() != null
                    && Set.of("https", "http").contains(uri.getScheme().toLowerCase(Locale.ROOT)))) {
                throw OAuth2Error.invalidClientMetadata("'" + name + "' must be an http(s) URI.");
            }
        } catch (URISyntaxException e) {
            throw OAuth2Error.invalidClientMetadata("'" + name + "' must be an http(s) URI.");
        }
        return value;
    }
}
