package dev.tollgate.dpop;

import static dev.tollgate.common.JsonSupport.JSON;

import dev.tollgate.oauth2.AuthorizationRequest;
import dev.tollgate.oauth2.ClientMetadata;
import dev.tollgate.oauth2.ClientMetadataExtension;
import dev.tollgate.oauth2.GrantExtension;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.OAuth2ServerBuilder;
import dev.tollgate.oauth2.OAuth2Settings;
import dev.tollgate.oauth2.OAuth2Token;
import dev.tollgate.oauth2.TokenContext;
import dev.tollgate.oauth2.TokenRequest;
import dev.tollgate.oauth2.TokenResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DPoP at the authorization server (RFC 9449), an extension of every grant:
 * <ul>
 *   <li>A token request with a {@code DPoP} proof (§5), valid for {@code POST} to the token endpoint, gets an access
 *       token bound to the proof's key: its thumbprint is kept with the token ({@link OAuth2Token#JWK_THUMBPRINT},
 *       {@code cnf.jkt} in introspection and in a JWT access token) and the {@code token_type} is {@code DPoP}.</li>
 *   <li>A refresh token of a public client is bound to the same key (§5): refreshing it needs a proof by that
 *       key. A confidential client's new access token is bound to the key of its proof, or without one to the key
 *       of the token it replaces.</li>
 *   <li>{@code dpop_jkt} at the authorization endpoint binds the code (§10): redeeming it needs a proof by that
 *       key. It is refused where a token would come from the authorization endpoint itself.</li>
 *   <li>A client that registered {@value #BOUND_ACCESS_TOKENS} {@code true} (§5.2) gets no token without a
 *       proof.</li>
 * </ul>
 * Failures are 400 {@code invalid_dpop_proof}, or {@code use_dpop_nonce} with a {@code DPoP-Nonce} header when the
 * settings demand a nonce. Install it with {@link #install}, which also registers the resource side
 * ({@link DpopSenderConstraint}).
 */
public final class Dpop implements GrantExtension, ClientMetadataExtension {

    public static final String TOKEN_TYPE = "DPoP";
    /** Client metadata (RFC 9449 §5.2). */
    public static final String BOUND_ACCESS_TOKENS = "dpop_bound_access_tokens";
    /** The authorization request parameter that binds a code (§10). */
    public static final String DPOP_JKT = "dpop_jkt";

    private static final String AUTHORIZATION_CODE = "authorization_code";
    private static final String REFRESH_TOKEN = "refresh_token";
    /** A base64url SHA-256 thumbprint. */
    private static final Pattern THUMBPRINT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final DpopProofValidator validator;
    private final URI tokenEndpoint;

    public Dpop(DpopProofValidator validator, OAuth2Settings settings) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.tokenEndpoint = URI.create(settings.endpointUrl(OAuth2Settings.TOKEN));
    }

    /** Registers DPoP on every grant, its client metadata, and its tokens at the resource protectors. */
    public static Dpop install(OAuth2ServerBuilder builder, DpopProofValidator validator) {
        Dpop dpop = new Dpop(validator, builder.settings());
        builder.extension(dpop).clientMetadata(dpop).senderConstraint(new DpopSenderConstraint(validator));
        return dpop;
    }

    @Override
    public AuthorizationRequest validateAuthorizationRequest(AuthorizationRequest request, OAuth2Request http) {
        String jkt = http.param(DPOP_JKT);
        if (jkt == null) {
            return request;
        }
        if (!THUMBPRINT.matcher(jkt).matches()) {
            throw OAuth2Error.invalidRequest("dpop_jkt must be a JWK SHA-256 thumbprint.");
        }
        if (request.responseType().values().contains("token")) {
            throw OAuth2Error.invalidRequest("dpop_jkt binds a code; this response_type issues a token at once.");
        }
        return request.withAttribute(OAuth2Token.JWK_THUMBPRINT, jkt);
    }

    /** The proof, validated before the grant uses up a code or a refresh token, so that a nonce can be asked for. */
    @Override
    public TokenRequest checkTokenRequest(TokenRequest request) {
        List<String> proofs = request.http().headers("DPoP");
        if (proofs.isEmpty()) {
            if (request.client().getMetadata().getBoolean(BOUND_ACCESS_TOKENS, false)) {
                throw invalid("This client's access tokens must be DPoP-bound: send a DPoP proof.");
            }
            return request;
        }
        if (proofs.size() > 1) {
            throw invalid("Send one DPoP proof."); // §4.3 item 1
        }
        String jkt = validator.validate(proofs.get(0), "POST", List.of(request.http().uri(), tokenEndpoint), null,
                validator.settings().nonceRequired());
        return request.withAttribute(OAuth2Token.JWK_THUMBPRINT, jkt);
    }

    @Override
    public TokenContext validateTokenRequest(TokenRequest request, TokenContext context) {
        String proved = request.attribute(OAuth2Token.JWK_THUMBPRINT);
        String bound = context.attribute(OAuth2Token.JWK_THUMBPRINT);
        boolean mustProve = bound != null && mustProve(context.grantType(), request.client());
        if (mustProve && !bound.equals(proved)) {
            throw invalid(proved == null ? "A DPoP proof by the key this grant is bound to is required."
                    : "The DPoP proof is signed by another key than the one this grant is bound to.");
        }
        String jkt = proved != null ? proved : bound; // §5: a confidential client's new token, its current key
        return jkt == null ? context : context.withAttribute(OAuth2Token.JWK_THUMBPRINT, jkt);
    }

    // §10: a bound code; §5: a public client's refresh token; a confidential client's is bound to its authentication
    private static boolean mustProve(String grantType, OAuth2Client client) {
        return AUTHORIZATION_CODE.equals(grantType) || REFRESH_TOKEN.equals(grantType) && client.isPublic();
    }

    @Override
    public TokenResponse extendTokenResponse(TokenContext context, TokenResponse response) {
        return context.attribute(OAuth2Token.JWK_THUMBPRINT) == null ? response : response.withTokenType(TOKEN_TYPE);
    }

    @Override
    public Set<String> tokenAttributes() {
        return Set.of(OAuth2Token.JWK_THUMBPRINT);
    }

    @Override
    public void describe(JsonObjectBuilder metadata) {
        JsonArrayBuilder algorithms = JSON.createArrayBuilder();
        validator.settings().algorithms().forEach(algorithm -> algorithms.add(algorithm.getName()));
        metadata.add("dpop_signing_alg_values_supported", algorithms); // §5.1
    }

    @Override
    public void parse(JsonObject request, ClientMetadata metadata, JsonObjectBuilder accepted) {
        JsonValue bound = request.get(BOUND_ACCESS_TOKENS);
        if (bound != null && bound != JsonValue.NULL) {
            if (bound != JsonValue.TRUE && bound != JsonValue.FALSE) {
                throw OAuth2Error.invalidClientMetadata("'" + BOUND_ACCESS_TOKENS + "' must be a boolean.");
            }
            accepted.add(BOUND_ACCESS_TOKENS, bound);
        }
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error(DpopProofValidator.INVALID_DPOP_PROOF, description, 400);
    }
}
