package dev.tollgate.jwt;

import dev.tollgate.oauth2.OAuth2Client;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * What a client's access tokens are: {@code opaque} (random strings looked up in the store) or {@code jwt} (RFC 9068
 * JWTs, validated without the store). A client chooses with the metadata field {@value #METADATA}, which is
 * Tollgate's own name (neither RFC 9068 nor RFC 7591 registers one); without it the server's default
 * ({@link JwtAccessTokenSettings#defaultFormat()}) applies.
 */
public enum AccessTokenFormat {

    OPAQUE("opaque"),
    JWT("jwt");

    /** The client metadata field, Tollgate's name: {@code "opaque"} or {@code "jwt"}. */
    public static final String METADATA = "access_token_format";

    private final String value;

    AccessTokenFormat(String value) {
        this.value = value;
    }

    /** The metadata value. */
    public String value() {
        return value;
    }

    /** The format of a metadata value, or {@code null} for any other (values are lower case). */
    public static AccessTokenFormat parse(String value) {
        for (AccessTokenFormat format : values()) {
            if (format.value.equals(value)) {
                return format;
            }
        }
        return null;
    }

    /** The client's registered format, or {@code fallback} when it registered none (or, unvalidated, another). */
    public static AccessTokenFormat of(OAuth2Client client, AccessTokenFormat fallback) {
        JsonValue registered = client.getMetadata().get(METADATA);
        AccessTokenFormat format = registered instanceof JsonString text ? parse(text.getString()) : null;
        return format == null ? fallback : format;
    }

    @Override
    public String toString() {
        return value;
    }
}
