package dev.tollgate.oauth2;

import dev.tollgate.common.Secrets;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;

/**
 * A registered client (RFC 6749 §2), as the application stores it: Authlib's {@code ClientMixin}.
 * A JPA entity can implement it directly. Secrets are held only as {@link Secrets#sha256} hashes.
 */
public interface OAuth2Client {

    String getClientId();

    /** The SHA-256 hash ({@link Secrets#sha256}) of the client secret, or {@code null} for a public client. */
    String getClientSecretHash();

    /**
     * The client secret itself, for the one method that needs it ({@code client_secret_jwt}, RFC 7523 §2.2: an
     * HMAC key); {@code null} for every other client, whose secret is kept only as a hash.
     */
    default String getClientSecret() {
        return null;
    }

    /** The one method this client must use at the token endpoint (RFC 7591 §2), e.g. {@code client_secret_basic}. */
    String getTokenEndpointAuthMethod();

    /** The registered redirect URIs, compared by exact string match (RFC 9700 §2.1). */
    List<String> getRedirectUris();

    /** Grant types this client may use, e.g. {@code authorization_code}, {@code refresh_token}. */
    Set<String> getGrantTypes();

    /** Response types this client may use at the authorization endpoint: {@code code}, {@code token}. */
    Set<String> getResponseTypes();

    /** The scope this client may be granted, space-delimited; also its default when it asks for none. */
    String getScope();

    /** Whether this client is a resource server that may introspect other clients' tokens (RFC 7662 §4). */
    default boolean isResourceServer() {
        return false;
    }

    /**
     * Whether the client registered itself at the registration endpoint (RFC 7591): nobody vouches for its
     * name or its redirect URIs, so a consent page says so (RFC 7591 §5, RFC 9700 §4.11.2).
     */
    default boolean isDynamicallyRegistered() {
        return false;
    }

    /**
     * Registered metadata beyond the fields above, e.g. OpenID Connect's {@code subject_type}
     * ({@link ClientMetadataExtension}); empty by default.
     */
    default JsonObject getMetadata() {
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    /** Whether this is a public client, which has no secret (RFC 6749 §2.1). */
    default boolean isPublic() {
        return ClientAuthenticationMethod.NONE.equals(getTokenEndpointAuthMethod());
    }

    /** Compares a presented secret with the stored hash, in constant time. */
    default boolean checkClientSecret(String clientSecret) {
        String hash = getClientSecretHash();
        return hash != null && clientSecret != null && Secrets.constantTimeEquals(hash, Secrets.sha256(clientSecret));
    }

    /** Whether a redirect URI is registered for this client (RFC 9700 §2.1, RFC 8252 §7.3). */
    default boolean checkRedirectUri(String redirectUri) {
        return getRedirectUris().stream().anyMatch(registered -> RedirectUris.matches(registered, redirectUri));
    }
}
