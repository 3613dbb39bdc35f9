package dev.tollgate.oidc;

import dev.tollgate.oauth2.Capabilities;
import dev.tollgate.oauth2.Endpoint;
import dev.tollgate.oauth2.EndpointContext;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.OAuth2Response;
import dev.tollgate.oauth2.OAuth2Settings;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/**
 * The JWK Set of the server's public signing keys (RFC 7517 §5), for {@code jwks_uri}. Cacheable for
 * {@link SigningKeys#jwkSetMaxAge()}: short enough that a relying party always holds a new key before it signs.
 */
public final class JwksEndpoint implements Endpoint {

    public static final String NAME = "jwks";
    public static final String DEFAULT_PATH = "/oauth2/jwks";

    private final SigningKeys keys;

    JwksEndpoint(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OAuth2Response createResponse(OAuth2Request request, EndpointContext context) {
        if (!"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
            throw OAuth2Error.invalidRequest("The JWK Set accepts GET only.");
        }
        return new OAuth2Response(200, Map.of("Content-Type", "application/json",
                "Cache-Control", "public, max-age=" + keys.jwkSetMaxAge().toSeconds()),
                keys.publicKeys().toString(true));
    }

    @Override
    public void describe(JsonObjectBuilder metadata, OAuth2Settings settings, Capabilities capabilities) {
        metadata.add("jwks_uri", settings.endpointUrl(NAME, DEFAULT_PATH));
    }
}
