package dev.tollgate.oidc;

import dev.tollgate.oauth2.Endpoint;
import dev.tollgate.oauth2.EndpointContext;
import dev.tollgate.oauth2.MetadataEndpoint;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.OAuth2Response;
import java.util.Map;

/**
 * {@code /.well-known/openid-configuration} (OpenID Connect Discovery 1.0 §4): the same document as the
 * RFC 8414 metadata, built by {@link MetadataEndpoint#metadata} from what the server was built with, so the
 * two never disagree. Cacheable for five minutes.
 */
public final class OpenIdConfigurationEndpoint implements Endpoint {

    public static final String NAME = "openid_configuration";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OAuth2Response createResponse(OAuth2Request request, EndpointContext context) {
        return new OAuth2Response(200, Map.of("Content-Type", "application/json", "Cache-Control",
                "public, max-age=300"), MetadataEndpoint.metadata(context.settings(), context.capabilities())
                .toString());
    }
}
