package dev.tollgate.oidc;

import static dev.tollgate.common.JsonSupport.JSON;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.tollgate.oauth2.BearerChallenge;
import dev.tollgate.oauth2.BearerSettings;
import dev.tollgate.oauth2.BearerTokenValidator;
import dev.tollgate.oauth2.Capabilities;
import dev.tollgate.oauth2.Endpoint;
import dev.tollgate.oauth2.EndpointContext;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.OAuth2Response;
import dev.tollgate.oauth2.OAuth2Settings;
import dev.tollgate.oauth2.OAuth2Token;
import dev.tollgate.oauth2.ResourceProtector;
import dev.tollgate.oauth2.Scope;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * UserInfo (OpenID Connect Core §5.3): GET or POST with a bearer token that holds {@code openid}, in the
 * header or, for POST, the form body (RFC 6750 §2.2). Answers {@code sub} and the claims of the granted
 * scopes and of the {@code claims} parameter, as JSON, or as a signed JWT when the client registered
 * {@code userinfo_signed_response_alg} (§5.3.2). Errors carry the RFC 6750 challenge.
 */
public final class UserInfoEndpoint implements Endpoint {

    public static final String NAME = "userinfo";
    public static final String DEFAULT_PATH = "/oauth2/userinfo";

    private final OpenIdSettings settings;
    private final SubjectTypes subjects;
    private final ClaimsSource claims;
    private final Jwts jwts;

    UserInfoEndpoint(OpenIdSettings settings, SubjectTypes subjects, ClaimsSource claims, Jwts jwts) {
        this.settings = settings;
        this.subjects = subjects;
        this.claims = claims;
        this.jwts = jwts;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OAuth2Response createResponse(OAuth2Request request, EndpointContext context) {
        ResourceProtector protector = new ResourceProtector(new BearerTokenValidator(context.accessTokens(),
                context.clock(), context.settings().realm()), new BearerSettings(true),
                context.capabilities().senderConstraints());
        OAuth2Token token;
        try {
            if (!"GET".equals(request.method()) && !"POST".equals(request.method())) {
                throw OAuth2Error.invalidRequest("UserInfo accepts GET and POST only.");
            }
            token = protector.validateRequest(request, OpenIdRequest.OPENID);
        } catch (OAuth2Error e) {
            return protector.errorResponse(e);
        }
        OAuth2Client client = context.clients().find(token.getClientId()).orElse(null);
        if (token.getUsername() == null || client == null) {
            String description = "The access token was not issued for a user.";
            return protector.errorResponse(new OAuth2Error(OAuth2Error.INVALID_TOKEN, description, 401)
                    .withChallenge(401, "WWW-Authenticate", BearerChallenge.of(context.settings().realm(),
                            OAuth2Error.INVALID_TOKEN, description, null)));
        }
        Map<String, Object> values = userInfo(token, client);
        JWSAlgorithm algorithm = new OpenIdClient(client).userInfoAlgorithm();
        if (algorithm == null) {
            return OAuth2Response.json(200, JSON.createObjectBuilder(values).build());
        }
        JWTClaimsSet.Builder signed = new JWTClaimsSet.Builder();
        values.forEach(signed::claim);
        signed.issuer(context.settings().issuer()).audience(client.getClientId()); // Core §5.3.2
        return new OAuth2Response(200, Map.of("Content-Type", "application/jwt", "Cache-Control", "no-store"),
                jwts.sign(algorithm, JOSEObjectType.JWT, signed.build()));
    }

    private Map<String, Object> userInfo(OAuth2Token token, OAuth2Client client) {
        Set<String> names = new TreeSet<>(settings.claimsOf(Scope.parse(token.getScope())));
        String requested = token.getAttributes().get(OpenIdRequest.USERINFO_CLAIMS);
        if (requested != null) {
            names.addAll(Scope.parse(requested));
        }
        names.removeAll(IdTokens.PROTOCOL_CLAIMS);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("sub", subjects.subjectFor(client, token.getUsername()));
        if (!names.isEmpty()) {
            claims.claims(token.getUsername(), names).forEach((name, value) -> {
                if (names.contains(name) && value != null) {
                    values.put(name, value);
                }
            });
        }
        return values;
    }

    @Override
    public void describe(JsonObjectBuilder metadata, OAuth2Settings settings, Capabilities capabilities) {
        metadata.add("userinfo_endpoint", settings.endpointUrl(NAME, DEFAULT_PATH));
    }
}
