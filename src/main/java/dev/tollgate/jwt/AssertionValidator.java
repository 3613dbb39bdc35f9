package dev.tollgate.jwt;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.common.ReplayCache;
import dev.tollgate.common.Secrets;
import dev.tollgate.oauth2.OAuth2Settings;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The processing rules every JWT assertion of this server meets, whether it authenticates a client (RFC 7523 §2.2)
 * or is an authorization grant (§2.1): RFC 7523 §3 and RFC 7521 §4.2 / §5.2. Share one between
 * {@link PrivateKeyJwt}, {@link ClientSecretJwt} and {@link JwtBearerGrant}.
 * <ul>
 *   <li>The assertion is a JWS in compact form no longer than {@link AssertionSettings#maxLength()}, with an
 *       {@code alg} that is not {@code none} (§3 item 9), and a {@code typ}, if any, that is a plain JWT's (explicit
 *       typing, RFC 8725 §3.11: a token typed for something else, such as {@code at+jwt} or {@code dpop+jwt}, is
 *       not an assertion).</li>
 *   <li>{@code aud} holds this server's issuer identifier or its token endpoint URL (§3 item 3); one value or an
 *       array of them, of which one must match exactly.</li>
 *   <li>{@code exp} is present, not passed by more than the clock skew (item 4), and not further ahead than
 *       {@link AssertionSettings#maxLifetime()} plus the skew.</li>
 *   <li>{@code nbf} (item 5) and {@code iat} (item 6), when present, are not ahead by more than the skew.</li>
 *   <li>{@code jti} is required (item 7 lets the server require it) and used once: it is recorded in the
 *       {@link ReplayCache} until {@code exp} plus the skew, keyed by the use, the issuer and the {@code jti}.</li>
 * </ul>
 * Issuer, subject, signature and keys are the caller's, which differ between the two uses.
 */
public final class AssertionValidator {

    private final Set<String> audiences;
    private final AssertionSettings settings;
    private final ReplayCache replays;
    private final Clock clock;

    /**
     * @param server   the server's settings: its issuer and token endpoint are the audiences accepted
     * @param settings the limits
     * @param replays  remembers each {@code jti}; its {@code recordIfAbsent} must be atomic across the cluster, and
     *                 keep keys for {@link AssertionSettings#replayLifetime()}
     * @param clock    the server's clock
     */
    public AssertionValidator(OAuth2Settings server, AssertionSettings settings, ReplayCache replays, Clock clock) {
        Set<String> accepted = new LinkedHashSet<>();
        accepted.add(server.issuer());
        accepted.add(server.endpointUrl(OAuth2Settings.TOKEN));
        this.audiences = Set.copyOf(accepted);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.replays = Objects.requireNonNull(replays, "replays");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public AssertionSettings settings() {
        return settings;
    }

    /** The {@code aud} values accepted: the issuer identifier and the token endpoint URL. */
    public Set<String> audiences() {
        return audiences;
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * Parses a JWS-signed JWT and checks its length and {@code typ}; the signature is not checked here.
     *
     * @param types the accepted {@code typ} values besides none, lower case, without {@code application/}
     */
    SignedJWT parse(String assertion, Set<String> types) throws AssertionException {
        if (assertion.length() > settings.maxLength()) {
            throw new AssertionException("The assertion is longer than " + settings.maxLength() + " characters.");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(assertion); // refuses "alg":"none" (a PlainJWT) and JWE
        } catch (ParseException e) {
            throw new AssertionException("The assertion is not a signed JWT.");
        }
        JOSEObjectType type = jwt.getHeader().getType();
        if (type != null && !types.contains(normalized(type.getType()))) {
            throw new AssertionException("The assertion's typ is not that of a JWT assertion.");
        }
        return jwt;
    }

    private static String normalized(String type) {
        String lower = type.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/") ? lower.substring("application/".length()) : lower; // RFC 7515 §4.1.9
    }

    /** The claims of a parsed assertion. */
    static JWTClaimsSet claims(SignedJWT jwt) throws AssertionException {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AssertionException("The assertion's claims are malformed.");
        }
    }

    /** A string claim that must be present, such as {@code iss} or {@code sub}. */
    static String requiredString(JWTClaimsSet claims, String name) throws AssertionException {
        try {
            String value = claims.getStringClaim(name);
            if (value == null || value.isEmpty()) {
                throw new AssertionException("The assertion has no '" + name + "' claim.");
            }
            return value;
        } catch (ParseException e) {
            throw new AssertionException("The assertion's '" + name + "' claim is not a string.");
        }
    }

    /** Checks {@code aud}, {@code exp}, {@code nbf}, {@code iat} and the presence of {@code jti} (RFC 7523 §3). */
    void checkClaims(JWTClaimsSet claims, Instant now) throws AssertionException {
        List<String> audience = claims.getAudience(); // a string or an array of strings; empty if malformed
        if (audience.stream().noneMatch(audiences::contains)) {
            throw new AssertionException("The assertion's audience is not this server.");
        }
        Duration skew = settings.clockSkew();
        Instant exp = instant(claims, "exp");
        if (exp == null) {
            throw new AssertionException("The assertion has no 'exp' claim.");
        }
        if (!now.isBefore(exp.plus(skew))) {
            throw new AssertionException("The assertion has expired.");
        }
        if (exp.isAfter(now.plus(settings.maxLifetime()).plus(skew))) {
            throw new AssertionException("The assertion expires too late: at most " + settings.maxLifetime()
                    .toSeconds() + " seconds ahead are accepted.");
        }
        Instant nbf = instant(claims, "nbf");
        if (nbf != null && nbf.isAfter(now.plus(skew))) {
            throw new AssertionException("The assertion is not valid yet.");
        }
        Instant iat = instant(claims, "iat");
        if (iat != null && iat.isAfter(now.plus(skew))) {
            throw new AssertionException("The assertion was issued in the future.");
        }
        requiredString(claims, "jti");
    }

    private static Instant instant(JWTClaimsSet claims, String name) throws AssertionException {
        try {
            Date date = claims.getDateClaim(name);
            return date == null ? null : date.toInstant();
        } catch (ParseException e) {
            throw new AssertionException("The assertion's '" + name + "' claim is not a NumericDate.");
        }
    }

    /**
     * Records the assertion's {@code jti} for its issuer, once (RFC 7523 §3 item 7). Call it last, once everything
     * else is verified, so that forged assertions do not fill the cache.
     *
     * @param use the key space, so that the client assertions and the grants of one issuer do not collide
     * @return whether this was the first use
     */
    boolean recordOnce(String use, String issuer, JWTClaimsSet claims, Instant now) {
        Instant until = claims.getExpirationTime().toInstant().plus(settings.clockSkew());
        Duration lifetime = Duration.between(now, until);
        if (lifetime.compareTo(Duration.ofSeconds(1)) < 0) {
            lifetime = Duration.ofSeconds(1);
        }
        String jti = claims.getJWTID();
        // hashed: bounded in length whatever the jti, and unambiguous whatever the characters of issuer and jti
        String key = "jwt:" + use + ":" + Secrets.sha256(issuer.length() + ":" + issuer + jti);
        return replays.recordIfAbsent(key, lifetime);
    }
}
