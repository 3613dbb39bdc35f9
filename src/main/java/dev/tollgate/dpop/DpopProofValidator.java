package dev.tollgate.dpop;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.common.ReplayCache;
import dev.tollgate.common.Secrets;
import dev.tollgate.oauth2.OAuth2Error;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Checks a DPoP proof as RFC 9449 §4.3 lists it: one JWS no longer than {@link DpopSettings#maxLength()}, {@code typ}
 * {@code dpop+jwt}, an {@code alg} of {@link DpopSettings#algorithms()}, a public {@code jwk} in the header (RSA keys of
 * 2048 bits or more) that verifies the signature; {@code htm} the request's method and {@code htu} one of its URIs
 * (scheme and host case-insensitive, default port implied, query and fragment ignored, §4.3 item 9); {@code iat} no
 * older than {@link DpopSettings#maxAge()} and no further ahead than the skew; {@code ath} the hash of the access
 * token at a resource (§7.1); the server's nonce when one is demanded (§8); and its {@code jti} used once across
 * the cluster, recorded last through the {@link ReplayCache}. A failure is {@code invalid_dpop_proof}, a missing or
 * stale nonce {@code use_dpop_nonce} with a {@code DPoP-Nonce} header carrying a fresh one, both status 400.
 */
public final class DpopProofValidator {

    public static final String INVALID_DPOP_PROOF = "invalid_dpop_proof";
    public static final String USE_DPOP_NONCE = "use_dpop_nonce";
    public static final JOSEObjectType TYPE = new JOSEObjectType("dpop+jwt");

    private static final int MAX_JTI = 256;
    private static final int MIN_RSA_BITS = 2048;
    private static final DefaultJWSVerifierFactory VERIFIERS = new DefaultJWSVerifierFactory();

    private final DpopSettings settings;
    private final DpopNonces nonces;
    private final ReplayCache replays;
    private final Clock clock;

    /**
     * @param replays remembers each {@code jti}; its {@code recordIfAbsent} must be atomic across the cluster
     */
    public DpopProofValidator(DpopSettings settings, DpopNonces nonces, ReplayCache replays, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.replays = Objects.requireNonNull(replays, "replays");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public DpopSettings settings() {
        return settings;
    }

    public DpopNonces nonces() {
        return nonces;
    }

    /**
     * Validates a proof and gives the thumbprint of its key.
     *
     * @param proof        the one {@code DPoP} header's value
     * @param method       the request's method
     * @param uris         the URIs the request may have been sent to: its own, and the one the metadata name
     * @param accessToken  the access token it comes with at a resource, or {@code null} at the token endpoint
     * @param nonceDemanded whether it must carry a current nonce of this server
     * @return the RFC 7638 thumbprint (SHA-256, base64url) of the proof's key
     * @throws OAuth2Error {@value #INVALID_DPOP_PROOF} or {@value #USE_DPOP_NONCE}
     */
    public String validate(String proof, String method, List<URI> uris, String accessToken, boolean nonceDemanded) {
        if (proof.length() > settings.maxLength()) {
            throw invalid("The DPoP proof is longer than " + settings.maxLength() + " characters.");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(proof);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalid("The DPoP proof is not a signed JWT.");
        }
        if (!TYPE.equals(jwt.getHeader().getType())) {
            throw invalid("The DPoP proof's typ is not dpop+jwt.");
        }
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        if (!settings.algorithms().contains(algorithm)) {
            throw invalid("The DPoP proof's alg must be one of " + settings.algorithms() + ".");
        }
        JWK key = jwt.getHeader().getJWK();
        if (!(key instanceof AsymmetricJWK asymmetric) || key.isPrivate()
                || key instanceof RSAKey rsa && rsa.size() < MIN_RSA_BITS) {
            throw invalid("The DPoP proof's jwk must be a public key.");
        }
        if (!verifies(jwt, asymmetric)) {
            throw invalid("The DPoP proof's signature does not verify with its jwk.");
        }
        checkClaims(claims, method, uris, accessToken, nonceDemanded);
        String thumbprint = thumbprint(key);
        Duration keep = settings.replayLifetime();
        if (!replays.recordIfAbsent("dpop:" + Secrets.sha256(thumbprint + ":" + claims.getJWTID()), keep)) {
            throw invalid("The DPoP proof was used already."); // §11.1
        }
        return thumbprint;
    }

    private void checkClaims(JWTClaimsSet claims, String method, List<URI> uris, String accessToken,
                             boolean nonceDemanded) {
        String jti = claims.getJWTID();
        if (jti == null || jti.isEmpty() || jti.length() > MAX_JTI) {
            throw invalid("The DPoP proof has no usable jti.");
        }
        if (!method.equals(string(claims, "htm"))) {
            throw invalid("The DPoP proof's htm is not the request's method.");
        }
        String htu = normalized(string(claims, "htu"));
        if (htu == null || uris.stream().map(URI::toString).map(DpopProofValidator::normalized)
                .noneMatch(htu::equals)) {
            throw invalid("The DPoP proof's htu is not the request's URI.");
        }
        Instant now = clock.instant();
        Instant iat = instant(claims.getIssueTime());
        if (iat == null || iat.isAfter(now.plus(settings.clockSkew()))
                || iat.isBefore(now.minus(settings.maxAge()).minus(settings.clockSkew()))) {
            throw invalid("The DPoP proof's iat is missing or out of the accepted window.");
        }
        if (accessToken != null && !accessTokenHash(accessToken).equals(string(claims, "ath"))) {
            throw invalid("The DPoP proof's ath is not the hash of the access token."); // §7.1
        }
        if (nonceDemanded) {
            String nonce = string(claims, "nonce");
            if (nonce == null || !nonces.isValid(nonce)) {
                throw new OAuth2Error(USE_DPOP_NONCE, "A DPoP proof with this server's nonce is required.", 400)
                        .withChallenge(400, "DPoP-Nonce", nonces.current());
            }
        }
    }

    private static boolean verifies(SignedJWT jwt, AsymmetricJWK key) {
        try {
            return jwt.verify(VERIFIERS.createJWSVerifier(jwt.getHeader(), key.toPublicKey()));
        } catch (JOSEException | IllegalStateException e) {
            return false; // a key of another type or curve than the alg
        }
    }

    private static String thumbprint(JWK key) {
        try {
            return key.computeThumbprint().toString(); // RFC 7638 with SHA-256
        } catch (JOSEException e) {
            throw invalid("The DPoP proof's jwk has no thumbprint.");
        }
    }

    /** {@code ath}: the base64url SHA-256 of the access token's ASCII (§4.2). */
    static String accessTokenHash(String accessToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64URL.encode(digest).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    // §4.3 item 9, RFC 3986 §6.2.2 and §6.2.3: scheme and host in lower case, default port dropped, an empty path is
    // "/", no query or fragment
    static String normalized(String uri) {
        if (uri == null) {
            return null;
        }
        try {
            URI parsed = new URI(uri);
            if (parsed.getScheme() == null || parsed.getHost() == null) {
                return null;
            }
            String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
            int port = parsed.getPort();
            boolean defaultPort = port == -1 || "https".equals(scheme) && port == 443 || "http".equals(scheme)
                    && port == 80;
            String path = parsed.getRawPath() == null || parsed.getRawPath().isEmpty() ? "/" : parsed.getRawPath();
            return scheme + "://" + parsed.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String string(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error(INVALID_DPOP_PROOF, description, 400);
    }
}
