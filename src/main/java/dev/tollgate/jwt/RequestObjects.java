package dev.tollgate.jwt;

import static dev.tollgate.common.JsonSupport.JSON;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.common.JsonSupport;
import dev.tollgate.oauth2.AuthorizationRequestResolver;
import dev.tollgate.oauth2.ClientMetadataExtension;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.OAuth2Settings;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * JWT-secured authorization requests by value (RFC 9101, OpenID Connect Core §6.1): the {@code request} parameter
 * holds a JWT whose claims are the request's parameters.
 * <ul>
 *   <li>It is signed with the client's keys ({@code jwks} or {@code jwks_uri}) with one of
 *       {@link AssertionSettings#signatureAlgorithms()}, or with its client secret with one of
 *       {@link AssertionSettings#macAlgorithms()} if the server holds the secret ({@code client_secret_jwt}
 *       clients); with the client's {@value #SIGNING_ALG} if it registered one. An unsigned one ({@code alg}
 *       {@code none}) only if that is {@code none}; an encrypted one is not supported.</li>
 *   <li>A {@code typ}, if any, is {@code oauth-authz-req+jwt} (RFC 9101 §10.8) or {@code JWT}.</li>
 *   <li>{@code iss}, if present, is the client id, and {@code aud}, if present, holds the issuer (§10.2);
 *       {@code exp}, {@code nbf} and {@code iat}, if present, hold with {@link AssertionSettings#clockSkew()}.</li>
 *   <li>Its {@code client_id}, if present, is the query's, and so is the query's {@code response_type}, if any, the
 *       object's (RFC 9101 §6.3, Core §6.1).</li>
 *   <li>Only its parameters are used: the query's others are ignored (RFC 9101 §6.3). String claims are the
 *       values; numbers and booleans their JSON text, and so are objects and arrays (the {@code claims}
 *       parameter).</li>
 * </ul>
 * A client that registered {@value #REQUIRE_SIGNED} {@code true} (RFC 9101 §10.5) must send one. Every failure is
 * {@code invalid_request_object}, never redirected. Register it with the two client metadata it reads
 * ({@link #registration()}):
 * <pre>{@code
 * RequestObjects requestObjects = new RequestObjects(settings, assertionSettings, keys, clock);
 * builder.authorizationRequestResolver(requestObjects).clientMetadata(requestObjects.registration());
 * }</pre>
 */
public final class RequestObjects implements AuthorizationRequestResolver {

    public static final String PARAMETER = "request";
    /** Client metadata: the one algorithm of its request objects (OpenID Connect Registration §2). */
    public static final String SIGNING_ALG = "request_object_signing_alg";
    /** Client metadata: whether every authorization request of the client must be a request object (RFC 9101). */
    public static final String REQUIRE_SIGNED = "require_signed_request_object";
    public static final String INVALID_REQUEST_OBJECT = "invalid_request_object";

    /** The claims of a JWT about the object itself, not parameters of the request. */
    private static final Set<String> JWT_CLAIMS = Set.of("iss", "aud", "exp", "nbf", "iat", "jti", "sub");
    private static final Set<String> TYPES = Set.of("oauth-authz-req+jwt", "jwt");

    private final String issuer;
    private final AssertionSettings settings;
    private final ClientKeys keys;
    private final Clock clock;

    public RequestObjects(OAuth2Settings server, AssertionSettings settings, ClientKeys keys, Clock clock) {
        this.issuer = server.issuer();
        this.settings = Objects.requireNonNull(settings, "settings");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String parameter() {
        return PARAMETER;
    }

    /** The algorithms of request objects, {@code none} excepted, as their registration and metadata name them. */
    public List<String> algorithms() {
        List<String> names = new ArrayList<>();
        settings.signatureAlgorithms().forEach(algorithm -> names.add(algorithm.getName()));
        settings.macAlgorithms().forEach(algorithm -> names.add(algorithm.getName()));
        return names;
    }

    @Override
    public OAuth2Request resolve(OAuth2Request request, OAuth2Client client) {
        String value = request.param(PARAMETER);
        if (value == null) {
            // a request_uri refers to a pushed request, whose object was checked when it was pushed (RFC 9126 §3)
            if (request.param("request_uri") == null && client.getMetadata().getBoolean(REQUIRE_SIGNED, false)) {
                throw invalid("This client must send its authorization requests as request objects.");
            }
            return request;
        }
        if (request.param("request_uri") != null) {
            throw OAuth2Error.invalidRequest("Send request or request_uri, not both."); // RFC 9101 §5
        }
        JWT jwt = verified(value, client);
        JWTClaimsSet claims = claims(jwt);
        checkTimes(claims);
        if (claims.getIssuer() != null && !claims.getIssuer().equals(client.getClientId())) {
            throw invalid("The request object's iss is not the client.");
        }
        if (!claims.getAudience().isEmpty() && !claims.getAudience().contains(issuer)) {
            throw invalid("The request object's aud is not this server.");
        }
        Map<String, String> parameters = parameters(jwt);
        String clientId = parameters.putIfAbsent("client_id", client.getClientId());
        if (clientId != null && !clientId.equals(client.getClientId())) {
            throw invalid("The request object's client_id is not the query's.");
        }
        String responseType = request.param("response_type");
        if (responseType != null && !responseType.equals(parameters.get("response_type"))) {
            throw invalid("The request object's response_type is not the query's.");
        }
        if (parameters.containsKey(PARAMETER) || parameters.containsKey("request_uri")) {
            throw invalid("A request object cannot hold another.");
        }
        return request.withParameters(parameters);
    }

    private JWT verified(String value, OAuth2Client client) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(value);
            if (jwt instanceof EncryptedJWT) {
                throw invalid("Encrypted request objects are not supported.");
            }
            JOSEObjectType type = jwt.getHeader().getType();
            if (type != null && !TYPES.contains(type.getType().toLowerCase(Locale.ROOT))) {
                throw invalid("The request object's typ is not oauth-authz-req+jwt.");
            }
            String registered = registeredAlgorithm(client);
            if (jwt instanceof PlainJWT plain) {
                if (!"none".equals(registered)) {
                    throw invalid("The request object is not signed."); // RFC 9101 §6.1
                }
                return plain;
            }
            SignedJWT signed = (SignedJWT) jwt;
            JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
            if (registered != null && !registered.equals(algorithm.getName())) {
                throw invalid("The request object is not signed with the client's request_object_signing_alg.");
            }
            if (!verify(signed, algorithm, client)) {
                throw invalid("The request object's signature does not verify with the client's keys.");
            }
            return signed;
        } catch (ParseException e) {
            throw invalid("The request object is not a JWT.");
        }
    }

    private static JWTClaimsSet claims(JWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalid("The request object's claims are malformed.");
        }
    }

    private static String registeredAlgorithm(OAuth2Client client) {
        JsonValue value = client.getMetadata().get(SIGNING_ALG);
        return value instanceof JsonString text ? text.getString() : null;
    }

    private boolean verify(SignedJWT jwt, JWSAlgorithm algorithm, OAuth2Client client) {
        if (settings.signatureAlgorithms().contains(algorithm)) {
            return Signatures.verify(jwt, keys.candidates(client, jwt.getHeader()));
        }
        String secret = client.getClientSecret();
        return settings.macAlgorithms().contains(algorithm) && secret != null
                && Signatures.verifyMac(jwt, secret.getBytes(StandardCharsets.UTF_8));
    }

    private void checkTimes(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Duration skew = settings.clockSkew();
        Instant exp = instant(claims, "exp");
        if (exp != null && !now.isBefore(exp.plus(skew))) {
            throw invalid("The request object has expired.");
        }
        Instant nbf = instant(claims, "nbf");
        if (nbf != null && nbf.isAfter(now.plus(skew))) {
            throw invalid("The request object is not valid yet.");
        }
        Instant iat = instant(claims, "iat");
        if (iat != null && iat.isAfter(now.plus(skew))) {
            throw invalid("The request object was issued in the future.");
        }
    }

    private static Instant instant(JWTClaimsSet claims, String name) {
        try {
            Date date = claims.getDateClaim(name);
            return date == null ? null : date.toInstant();
        } catch (ParseException e) {
            throw invalid("The request object's '" + name + "' is not a NumericDate.");
        }
    }

    // read again as JSON-P, so that numbers, booleans, objects and arrays keep their JSON text
    private static Map<String, String> parameters(JWT jwt) {
        JsonValue claims;
        try {
            claims = JsonSupport.parse(jwt.getParsedParts()[1].decodeToString());
        } catch (IllegalArgumentException e) {
            throw invalid("The request object's claims are not JSON.");
        }
        if (!(claims instanceof JsonObject object)) {
            throw invalid("The request object's claims are not a JSON object.");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        object.forEach((name, claim) -> {
            if (!JWT_CLAIMS.contains(name) && claim != JsonValue.NULL) {
                parameters.put(name, claim instanceof JsonString text ? text.getString() : claim.toString());
            }
        });
        return parameters;
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error(INVALID_REQUEST_OBJECT, description, 400);
    }

    /** The registration fields of request objects, {@value #SIGNING_ALG} and {@value #REQUIRE_SIGNED}. */
    public ClientMetadataExtension registration() {
        return new RequestObjectRegistration(algorithms(), settings.macAlgorithms());
    }

    @Override
    public void describe(JsonObjectBuilder metadata) {
        JsonArrayBuilder values = JSON.createArrayBuilder();
        algorithms().forEach(values::add);
        metadata.add("request_object_signing_alg_values_supported", values.add("none")); // none: if registered
    }
}
