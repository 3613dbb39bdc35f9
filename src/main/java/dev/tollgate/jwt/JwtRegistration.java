package dev.tollgate.jwt;

import static dev.tollgate.oauth2.MetadataJson.MAX_LENGTH;
import static dev.tollgate.oauth2.MetadataJson.string;

import com.nimbusds.jose.jwk.JWKSet;
import dev.tollgate.oauth2.ClientMetadata;
import dev.tollgate.oauth2.ClientMetadataExtension;
import dev.tollgate.oauth2.OAuth2Error;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;

/**
 * The registration metadata of the JWT family (RFC 7591 §2, RFC 7523 §2.2): the client's keys, {@code jwks} (a
 * JWK Set of public keys only) or {@code jwks_uri} (https, or http where {@link JwksUriSettings} allows it), never
 * both; a {@code private_key_jwt} client must give one; {@code token_endpoint_auth_signing_alg} must be one of
 * its method's algorithms. And the format of its access tokens, {@value AccessTokenFormat#METADATA}: {@code opaque} or
 * {@code jwt} (RFC 9068), a field of Tollgate's own (no RFC registers one); without it the server's default applies
 * ({@link JwtAccessTokenSettings#defaultFormat()}).
 */
public final class JwtRegistration implements ClientMetadataExtension {

    public static final String JWKS = "jwks";
    public static final String JWKS_URI = "jwks_uri";
    public static final String TOKEN_ENDPOINT_AUTH_SIGNING_ALG = "token_endpoint_auth_signing_alg";

    /** The longest {@code jwks} accepted, as JSON text. */
    public static final int MAX_JWKS_LENGTH = 16 * 1024;

    private final List<JwtClientAuthentication> methods;
    private final boolean httpAllowed;

    public JwtRegistration(JwksUriSettings settings, JwtClientAuthentication... methods) {
        this.methods = List.of(methods);
        this.httpAllowed = settings.httpAllowed();
    }

    @Override
    public void parse(JsonObject request, ClientMetadata metadata, JsonObjectBuilder accepted) {
        JsonValue jwks = request.get(JWKS);
        String jwksUri = string(request, JWKS_URI, MAX_LENGTH);
        boolean hasJwks = jwks != null && jwks != JsonValue.NULL;
        if (hasJwks && jwksUri != null) {
            throw OAuth2Error.invalidClientMetadata("'jwks' and 'jwks_uri' cannot both be given."); // RFC 7591 §2
        }
        if (hasJwks) {
            accepted.add(JWKS, publicKeys(jwks));
        }
        if (jwksUri != null) {
            if (!isWebUri(jwksUri)) {
                throw OAuth2Error.invalidClientMetadata("'jwks_uri' must be an https URI.");
            }
            accepted.add(JWKS_URI, jwksUri);
        }
        if (PrivateKeyJwt.NAME.equals(metadata.tokenEndpointAuthMethod()) && !hasJwks && jwksUri == null) {
            throw OAuth2Error.invalidClientMetadata("A private_key_jwt client needs 'jwks' or 'jwks_uri'.");
        }
        String format = string(request, AccessTokenFormat.METADATA, MAX_LENGTH);
        if (format != null) {
            if (AccessTokenFormat.parse(format) == null) {
                throw OAuth2Error.invalidClientMetadata("'" + AccessTokenFormat.METADATA
                        + "' must be 'opaque' or 'jwt'.");
            }
            accepted.add(AccessTokenFormat.METADATA, format);
        }
        String algorithm = string(request, TOKEN_ENDPOINT_AUTH_SIGNING_ALG, MAX_LENGTH);
        if (algorithm != null) {
            JwtClientAuthentication method = methods.stream()
                    .filter(candidate -> candidate.name().equals(metadata.tokenEndpointAuthMethod()))
                    .findFirst().orElseThrow(() -> OAuth2Error.invalidClientMetadata(
                            "'token_endpoint_auth_signing_alg' is only for private_key_jwt and client_secret_jwt."));
            if (method.algorithms().stream().noneMatch(offered -> offered.getName().equals(algorithm))) {
                throw OAuth2Error.invalidClientMetadata("'token_endpoint_auth_signing_alg' must be one of "
                        + method.algorithms() + ".");
            }
            accepted.add(TOKEN_ENDPOINT_AUTH_SIGNING_ALG, algorithm);
        }
    }

    private static JsonObject publicKeys(JsonValue jwks) {
        if (!(jwks instanceof JsonObject object) || object.toString().length() > MAX_JWKS_LENGTH) {
            throw OAuth2Error.invalidClientMetadata("'jwks' must be a JWK Set of at most " + MAX_JWKS_LENGTH
                    + " characters.");
        }
        try {
            JWKSet set = JWKSet.parse(object.toString());
            if (set.getKeys().isEmpty() || set.getKeys().stream().anyMatch(key -> key.isPrivate())) {
                throw OAuth2Error.invalidClientMetadata("'jwks' must hold public keys only.");
            }
        } catch (ParseException e) {
            throw OAuth2Error.invalidClientMetadata("'jwks' is not a JWK Set.");
        }
        return object;
    }

    private boolean isWebUri(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("https".equals(scheme) || httpAllowed && "http".equals(scheme));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
