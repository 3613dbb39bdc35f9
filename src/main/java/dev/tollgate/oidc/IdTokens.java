package dev.tollgate.oidc;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.ResourceOwner;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Map;
import java.util.Set;

/** Makes ID tokens (OpenID Connect Core §2), signed with the algorithm the client registered. */
public final class IdTokens {

    /** Claims the server sets itself: never taken from the application's claims. */
    static final Set<String> PROTOCOL_CLAIMS = Set.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti", "auth_time",
            "nonce", "acr", "amr", "azp", "at_hash", "c_hash", "sid", "cnf", "client_id", "scope");

    private final String issuer;
    private final OpenIdSettings settings;
    private final Jwts jwts;
    private final SubjectTypes subjects;
    private final ClaimsSource claims;
    private final Clock clock;

    IdTokens(String issuer, OpenIdSettings settings, Jwts jwts, SubjectTypes subjects, ClaimsSource claims,
             Clock clock) {
        this.issuer = issuer;
        this.settings = settings;
        this.jwts = jwts;
        this.subjects = subjects;
        this.claims = claims;
        this.clock = clock;
    }

    /**
     * An ID token.
     *
     * @param nonce       the request's {@code nonce}, or {@code null} (Core §3.1.2.1; never on refresh, §12.2)
     * @param claimNames  user claims to include: the {@code claims} parameter's, and the scope's when no access
     *                    token is issued (Core §5.4)
     * @param accessToken the access token issued with it, for {@code at_hash}, or {@code null}
     * @param code        the code issued with it, for {@code c_hash} (Core §3.3.2.11), or {@code null}
     */
    public String issue(OAuth2Client client, ResourceOwner owner, String nonce, Set<String> claimNames,
                        String accessToken, String code) {
        JWSAlgorithm algorithm = new OpenIdClient(client).idTokenAlgorithm(jwts.keys());
        Instant now = clock.instant();
        JWTClaimsSet.Builder token = new JWTClaimsSet.Builder();
        if (!claimNames.isEmpty()) {
            Map<String, Object> values = claims.claims(owner.subject(), claimNames);
            values.forEach((name, value) -> {
                if (claimNames.contains(name) && !PROTOCOL_CLAIMS.contains(name)) {
                    token.claim(name, value);
                }
            });
        }
        token.issuer(issuer)
                .subject(subjects.subjectFor(client, owner.subject()))
                .audience(client.getClientId())
                .expirationTime(Date.from(now.plus(settings.idTokenLifetime())))
                .issueTime(Date.from(now));
        if (owner.authTime() != null) {
            token.claim("auth_time", owner.authTime().getEpochSecond()); // Core §2: always when known
        }
        if (nonce != null) {
            token.claim("nonce", nonce);
        }
        if (owner.acr() != null) {
            token.claim("acr", owner.acr());
        }
        if (!owner.amr().isEmpty()) {
            token.claim("amr", new ArrayList<>(owner.amr()));
        }
        if (accessToken != null) {
            token.claim("at_hash", SigningAlgorithms.halfHash(algorithm, accessToken));
        }
        if (code != null) {
            token.claim("c_hash", SigningAlgorithms.halfHash(algorithm, code));
        }
        return jwts.sign(algorithm, JOSEObjectType.JWT, token.build());
    }
}
