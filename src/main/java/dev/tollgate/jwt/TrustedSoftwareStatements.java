package dev.tollgate.jwt;

import static dev.tollgate.common.JsonSupport.JSON;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.common.JsonSupport;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.SoftwareStatements;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Set;

/**
 * Software statements (RFC 7591 §2.3) signed by issuers the application trusts, with their keys
 * ({@link TrustedIssuers}): a JWS of one of {@link AssertionSettings#signatureAlgorithms()}, no longer than
 * {@link AssertionSettings#maxLength()}, with a {@code typ} of none or {@code JWT}, an {@code iss} that is trusted
 * ({@value SoftwareStatements#UNAPPROVED} otherwise), a signature by one of its keys, and {@code exp}, {@code nbf}
 * and {@code iat}, if present, that hold with {@link AssertionSettings#clockSkew()}. Every other failure is
 * {@value SoftwareStatements#INVALID}. The claims, but those about the JWT itself, are the metadata:
 * <pre>{@code
 * RegistrationSettings registration = RegistrationSettings.OPEN.withSoftwareStatements(
 *         new TrustedSoftwareStatements(TrustedIssuers.of(Map.of(publisher, publisherKeys)), assertions, clock));
 * }</pre>
 */
public final class TrustedSoftwareStatements implements SoftwareStatements {

    /** The claims about the statement itself (RFC 7519 §4.1), not client metadata. */
    private static final Set<String> JWT_CLAIMS = Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti");

    private final TrustedIssuers issuers;
    private final AssertionSettings settings;
    private final Clock clock;

    public TrustedSoftwareStatements(TrustedIssuers issuers, AssertionSettings settings, Clock clock) {
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public JsonObject verify(String statement) {
        if (statement.length() > settings.maxLength()) {
            throw invalid("The software statement is longer than " + settings.maxLength() + " characters.");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(statement); // neither unsigned nor encrypted
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalid("The software statement is not a signed JWT.");
        }
        JOSEObjectType type = jwt.getHeader().getType();
        if (type != null && !JOSEObjectType.JWT.equals(type)) {
            throw invalid("The software statement's typ is not JWT.");
        }
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        if (!settings.signatureAlgorithms().contains(algorithm)) {
            throw invalid("The software statement's alg must be one of " + settings.signatureAlgorithms() + ".");
        }
        String issuer = claims.getIssuer();
        if (issuer == null) {
            throw invalid("The software statement has no iss."); // §2.3: it MUST
        }
        JWKSet keys = issuers.keys(issuer).orElseThrow(() -> new OAuth2Error(UNAPPROVED,
                "The software statement's issuer is not trusted.", 400));
        if (!Signatures.verify(jwt, Signatures.candidates(keys, jwt.getHeader()))) {
            throw invalid("The software statement's signature does not verify.");
        }
        checkTimes(claims);
        JsonObjectBuilder metadata = JSON.createObjectBuilder();
        JsonSupport.parse(jwt.getPayload().toString()).asJsonObject().forEach((name, value) -> {
            if (!JWT_CLAIMS.contains(name)) {
                metadata.add(name, value);
            }
        });
        return metadata.build();
    }

    private void checkTimes(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Instant exp = instant(claims.getExpirationTime());
        if (exp != null && !now.isBefore(exp.plus(settings.clockSkew()))) {
            throw invalid("The software statement has expired.");
        }
        Instant nbf = instant(claims.getNotBeforeTime());
        Instant iat = instant(claims.getIssueTime());
        if (nbf != null && nbf.isAfter(now.plus(settings.clockSkew()))
                || iat != null && iat.isAfter(now.plus(settings.clockSkew()))) {
            throw invalid("The software statement is not valid yet.");
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error(INVALID, description, 400);
    }
}
