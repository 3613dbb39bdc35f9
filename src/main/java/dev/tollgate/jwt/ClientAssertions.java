package dev.tollgate.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Request;
import jakarta.json.JsonString;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Validation of a client assertion: a JWT with which a client authenticates (RFC 7523 §2.2 and §3, RFC 7521 §4.2,
 * OpenID Connect Core §9), for {@link PrivateKeyJwt} and {@link ClientSecretJwt}.
 * <ul>
 *   <li>{@code client_assertion_type} is {@value #JWT_BEARER} and {@code client_assertion} holds one JWT
 *       (RFC 7521 §4.2);</li>
 *   <li>{@code iss} and {@code sub} are both the client id (RFC 7523 §3 items 1 and 2.B, Core §9), and so is a
 *       {@code client_id} parameter if one is sent (RFC 7521 §4.2);</li>
 *   <li>{@code aud}, {@code exp}, {@code nbf}, {@code iat} and {@code jti} as {@link AssertionValidator} says; a
 *       {@code typ}, if any, is {@code JWT} or {@code client-authentication+jwt};</li>
 *   <li>the {@code alg} is one the method accepts, and the one the client registered as
 *       {@code token_endpoint_auth_signing_alg} (OpenID Connect Registration §2) if it did;</li>
 *   <li>the signature verifies; then the {@code jti} is recorded, and a second use refused.</li>
 * </ul>
 * Every failure is {@code invalid_client} (RFC 7521 §4.2.1 / RFC 6749 §5.2). What needs no key is checked by
 * {@link #clientId}, whose errors carry a description, never the assertion; what needs the client's keys by
 * {@link #verify}, which only answers whether it succeeded.
 */
public final class ClientAssertions {

    /** The {@code client_assertion_type} of a JWT (RFC 7523 §2.2). */
    public static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** Client metadata: the one algorithm a client's assertions must use (OpenID Connect Registration §2). */
    public static final String TOKEN_ENDPOINT_AUTH_SIGNING_ALG = "token_endpoint_auth_signing_alg";

    /** The key space of client assertion {@code jti}s in the replay cache. */
    static final String USE = "client_assertion";
    /** {@code typ} values of a client assertion: a JWT, or one typed as draft-ietf-oauth-rfc7523bis suggests. */
    private static final Set<String> TYPES = Set.of("jwt", "client-authentication+jwt");

    private final AssertionValidator validator;

    public ClientAssertions(AssertionValidator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    public AssertionValidator validator() {
        return validator;
    }

    /**
     * Whether the request tries client assertion authentication: it has {@code client_assertion} or
     * {@code client_assertion_type} in its form body. Either one is enough, so that a half-made attempt is refused
     * as {@code invalid_client} rather than taken for a public client's request.
     */
    public static boolean isPresent(OAuth2Request request) {
        return request.form("client_assertion") != null || request.form("client_assertion_type") != null;
    }

    /**
     * The {@code alg} of the assertion's header, read without verifying anything, or {@code null} when there is no
     * assertion, it is too long, or its header cannot be read (then it is no HMAC's either).
     */
    static JWSAlgorithm algorithm(OAuth2Request request, int maxLength) {
        String assertion = request.form("client_assertion");
        if (assertion == null || assertion.length() > maxLength) {
            return null;
        }
        int dot = assertion.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            return JWSHeader.parse(new Base64URL(assertion.substring(0, dot))).getAlgorithm();
        } catch (ParseException e) {
            return null;
        }
    }

    /**
     * The client the assertion names, once everything that needs no key is checked: the type, the form, {@code iss}
     * = {@code sub} = {@code client_id}, audience and times.
     *
     * @throws OAuth2Error {@code invalid_client}
     */
    public String clientId(OAuth2Request request) {
        try {
            return read(request, validator.now()).clientId();
        } catch (AssertionException e) {
            throw OAuth2Error.invalidClient(e.getMessage());
        }
    }

    /**
     * Whether the assertion authenticates the client: everything {@link #clientId} checks, then the algorithm, the
     * signature (by {@code signature}) and, last, that its {@code jti} is new.
     *
     * @param algorithms the algorithms of the method
     * @param signature  whether the signature of the parsed assertion verifies with the client's key
     */
    public boolean verify(OAuth2Request request, OAuth2Client client, List<JWSAlgorithm> algorithms,
                          Predicate<SignedJWT> signature) {
        Instant now = validator.now();
        Read read;
        try {
            read = read(request, now);
        } catch (AssertionException e) {
            return false;
        }
        JWSAlgorithm algorithm = read.jwt().getHeader().getAlgorithm();
        if (!read.clientId().equals(client.getClientId()) || !algorithms.contains(algorithm)) {
            return false;
        }
        if (client.getMetadata().get(TOKEN_ENDPOINT_AUTH_SIGNING_ALG) instanceof JsonString registered
                && !registered.getString().equals(algorithm.getName())) {
            return false;
        }
        return signature.test(read.jwt()) && validator.recordOnce(USE, read.clientId(), read.claims(), now);
    }

    private record Read(SignedJWT jwt, JWTClaimsSet claims, String clientId) {
    }

    private Read read(OAuth2Request request, Instant now) throws AssertionException {
        if (!JWT_BEARER.equals(request.form("client_assertion_type"))) {
            throw new AssertionException("The client_assertion_type must be " + JWT_BEARER + ".");
        }
        String assertion = request.form("client_assertion");
        if (assertion == null) {
            throw new AssertionException("Missing client_assertion.");
        }
        SignedJWT jwt = validator.parse(assertion, TYPES);
        JWTClaimsSet claims = AssertionValidator.claims(jwt);
        String issuer = AssertionValidator.requiredString(claims, "iss");
        String subject = AssertionValidator.requiredString(claims, "sub");
        if (!issuer.equals(subject)) {
            throw new AssertionException("The client assertion's iss and sub must both be the client id.");
        }
        String parameter = request.param("client_id");
        if (parameter != null && !parameter.equals(issuer)) {
            throw new AssertionException("The client_id does not match the client assertion.");
        }
        validator.checkClaims(claims, now);
        return new Read(jwt, claims, issuer);
    }
}
