package dev.tollgate.jwt;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.common.Secrets;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.ResourceOwner;
import dev.tollgate.oauth2.TokenContext;
import dev.tollgate.oauth2.TokenGrant;
import dev.tollgate.oauth2.TokenRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The JWT bearer authorization grant (RFC 7523 §2.1 and §3, RFC 7521 §4.1; Authlib's {@code JWTBearerGrant}): the
 * client sends {@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer} and an {@code assertion}, a JWT whose
 * {@code sub} names the resource owner, and gets an access token for that owner.
 * <ul>
 *   <li>The issuer must be trusted (§3 item 1): the client itself ({@code iss} is its client id, signed with one of
 *       its registered public keys, {@link ClientKeys}), or one of the application's {@link TrustedIssuers}, with
 *       its keys.</li>
 *   <li>{@code sub} is resolved by the application's {@link ResourceOwnerLookup} (§3 item 2.A).</li>
 *   <li>{@code aud}, {@code exp}, {@code nbf}, {@code iat}, {@code jti} as for client assertions
 *       ({@link AssertionValidator}), the {@code jti} in its own key space, per issuer; a {@code typ}, if any, is
 *       {@code JWT}; the {@code alg} one of {@link AssertionSettings#signatureAlgorithms()} (never an HMAC or
 *       {@code none}).</li>
 *   <li>{@code scope} as every grant resolves it (RFC 7521 §4.1, RFC 6749 §3.3).</li>
 * </ul>
 * Every failure of the assertion is {@code invalid_grant} (RFC 7521 §4.1.1), a missing one {@code invalid_request}.
 * The client authenticates as it registered, or not at all if it is a public one (RFC 7523 §3.1: authentication is
 * optional with this grant); it must be registered for the grant type. No refresh token is issued: RFC 7523 does not
 * say, and like Authlib this server lets the client present a new assertion instead, so that the issuer's word stays
 * the source of the grant (RFC 6749 §4.4.3 says the same of client credentials).
 */
public final class JwtBearerGrant implements TokenGrant {

    public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    /** The key space of grant assertion {@code jti}s in the replay cache. */
    static final String USE = "jwt_bearer";
    private static final Set<String> TYPES = Set.of("jwt");

    private final AssertionValidator validator;
    private final ClientKeys clientKeys;
    private final TrustedIssuers issuers;
    private final ResourceOwnerLookup owners;

    /**
     * @param validator  the assertion rules, shared with the client authentication methods
     * @param clientKeys the clients' public keys, for the assertions clients sign themselves
     * @param issuers    the other issuers trusted, or {@link TrustedIssuers#NONE}
     * @param owners     finds the resource owner of a {@code sub}
     */
    public JwtBearerGrant(AssertionValidator validator, ClientKeys clientKeys, TrustedIssuers issuers,
                          ResourceOwnerLookup owners) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.clientKeys = Objects.requireNonNull(clientKeys, "clientKeys");
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        this.owners = Objects.requireNonNull(owners, "owners");
    }

    @Override
    public String grantType() {
        return GRANT_TYPE;
    }

    @Override
    public TokenContext validateTokenRequest(TokenRequest request) {
        String assertion = request.form("assertion");
        if (assertion == null) {
            throw OAuth2Error.invalidRequest("Missing assertion."); // RFC 7521 §4.1
        }
        OAuth2Client client = request.client();
        Set<String> scope = request.scopes().resolve(client, request.form("scope"));
        try {
            SignedJWT jwt = validator.parse(assertion, TYPES);
            JWTClaimsSet claims = AssertionValidator.claims(jwt);
            String issuer = AssertionValidator.requiredString(claims, "iss");
            String subject = AssertionValidator.requiredString(claims, "sub");
            validator.checkClaims(claims, request.now());
            JWSHeader header = jwt.getHeader();
            if (!validator.settings().signatureAlgorithms().contains(header.getAlgorithm())) {
                throw new AssertionException("The assertion's alg is not accepted.");
            }
            if (!Signatures.verify(jwt, keys(client, issuer, header))) {
                throw new AssertionException("The assertion's signature does not verify.");
            }
            ResourceOwner owner = owners.find(issuer, subject)
                    .orElseThrow(() -> new AssertionException("The assertion's subject is not known."));
            if (!validator.recordOnce(USE, issuer, claims, request.now())) {
                throw new AssertionException("The assertion was used already.");
            }
            return new TokenContext(GRANT_TYPE, client, owner, scope, Secrets.randomToken(16), false, Map.of());
        } catch (AssertionException e) {
            throw OAuth2Error.invalidGrant(e.getMessage());
        }
    }

    // §3 item 1: the client itself, or a trusted issuer
    private List<JWK> keys(OAuth2Client client, String issuer, JWSHeader header) throws AssertionException {
        if (issuer.equals(client.getClientId())) {
            return clientKeys.candidates(client, header);
        }
        return issuers.keys(issuer).map(set -> Signatures.candidates(set, header))
                .orElseThrow(() -> new AssertionException("The assertion's issuer is not trusted."));
    }
}
