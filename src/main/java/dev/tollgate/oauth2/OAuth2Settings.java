package dev.tollgate.oauth2;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Server settings, with secure defaults (RFC 9700): PKCE {@code plain} off, implicit and password
 * grants off, refresh tokens rotated, bearer tokens only in the {@code Authorization} header.
 * Build with {@link #builder(String)}.
 *
 * @param issuer                    the issuer identifier (RFC 8414 §2), e.g. {@code https://as.example}; no trailing slash
 * @param authorizationEndpoint     path of the authorization endpoint, appended to the issuer
 * @param tokenEndpoint             path of the token endpoint
 * @param revocationEndpoint        path of the revocation endpoint
 * @param introspectionEndpoint     path of the introspection endpoint
 * @param registrationEndpoint      path of the registration endpoint
 * @param scopesSupported           every scope the server knows; others are {@code invalid_scope}
 * @param authorizationCodeLifetime how long a code can be redeemed (RFC 6749 §4.1.2: 10 minutes at most)
 * @param accessTokenLifetime       access token lifetime for grants not in {@code accessTokenLifetimes}
 * @param accessTokenLifetimes      access token lifetime per grant type
 * @param refreshTokenLifetime      refresh token lifetime, counted from its issue
 * @param refreshTokenRotation      issue a new refresh token on each refresh (RFC 9700 §4.14.2)
 * @param pkceRequiredForAllClients require PKCE of confidential clients too (always required of public ones)
 * @param pkcePlainAllowed          accept {@code code_challenge_method=plain} (RFC 7636 §4.2)
 * @param implicitGrantEnabled      register the implicit grant by default (RFC 9700 §2.1.2 advises against it)
 * @param passwordGrantEnabled      register the password grant by default (RFC 9700 §2.4: MUST NOT be used)
 * @param bearerTokenInBodyAllowed  accept {@code access_token} in a form body (RFC 6750 §2.2)
 * @param initialAccessToken        the token required to register clients (RFC 7591 §3), or {@code null} for open registration
 * @param realm                     the realm of {@code WWW-Authenticate} challenges
 */
public record OAuth2Settings(String issuer, String authorizationEndpoint, String tokenEndpoint,
                             String revocationEndpoint, String introspectionEndpoint, String registrationEndpoint,
                             Set<String> scopesSupported, Duration authorizationCodeLifetime,
                             Duration accessTokenLifetime, Map<String, Duration> accessTokenLifetimes,
                             Duration refreshTokenLifetime, boolean refreshTokenRotation,
                             boolean pkceRequiredForAllClients, boolean pkcePlainAllowed,
                             boolean implicitGrantEnabled, boolean passwordGrantEnabled,
                             boolean bearerTokenInBodyAllowed, String initialAccessToken, String realm) {

    public OAuth2Settings {
        Objects.requireNonNull(issuer, "issuer");
        scopesSupported = Set.copyOf(scopesSupported);
        accessTokenLifetimes = Map.copyOf(accessTokenLifetimes);
    }

    /** Defaults for the given issuer; change them with the builder's methods. */
    public static Builder builder(String issuer) {
        return new Builder(issuer);
    }

    /** The absolute URL of an endpoint path. */
    public String url(String path) {
        return issuer + path;
    }

    /** The access token lifetime for a grant type. */
    public Duration accessTokenLifetime(String grantType) {
        return accessTokenLifetimes.getOrDefault(grantType, accessTokenLifetime);
    }

    /** Builds {@link OAuth2Settings}. */
    public static final class Builder {

        private final String issuer;
        private String authorizationEndpoint = "/oauth2/authorize";
        private String tokenEndpoint = "/oauth2/token";
        private String revocationEndpoint = "/oauth2/revoke";
        private String introspectionEndpoint = "/oauth2/introspect";
        private String registrationEndpoint = "/oauth2/register";
        private Set<String> scopesSupported = Set.of();
        private Duration authorizationCodeLifetime = Duration.ofMinutes(5);
        private Duration accessTokenLifetime = Duration.ofHours(1);
        private Map<String, Duration> accessTokenLifetimes = Map.of();
        private Duration refreshTokenLifetime = Duration.ofDays(14);
        private boolean refreshTokenRotation = true;
        private boolean pkceRequiredForAllClients;
        private boolean pkcePlainAllowed;
        private boolean implicitGrantEnabled;
        private boolean passwordGrantEnabled;
        private boolean bearerTokenInBodyAllowed;
        private String initialAccessToken;
        private String realm = "tollgate";

        private Builder(String issuer) {
            this.issuer = issuer;
        }

        public Builder authorizationEndpoint(String path) {
            authorizationEndpoint = path;
            return this;
        }

        public Builder tokenEndpoint(String path) {
            tokenEndpoint = path;
            return this;
        }

        public Builder revocationEndpoint(String path) {
            revocationEndpoint = path;
            return this;
        }

        public Builder introspectionEndpoint(String path) {
            introspectionEndpoint = path;
            return this;
        }

        public Builder registrationEndpoint(String path) {
            registrationEndpoint = path;
            return this;
        }

        public Builder scopesSupported(Set<String> scopes) {
            scopesSupported = scopes;
            return this;
        }

        public Builder authorizationCodeLifetime(Duration lifetime) {
            authorizationCodeLifetime = lifetime;
            return this;
        }

        public Builder accessTokenLifetime(Duration lifetime) {
            accessTokenLifetime = lifetime;
            return this;
        }

        public Builder accessTokenLifetimes(Map<String, Duration> lifetimes) {
            accessTokenLifetimes = lifetimes;
            return this;
        }

        public Builder refreshTokenLifetime(Duration lifetime) {
            refreshTokenLifetime = lifetime;
            return this;
        }

        public Builder refreshTokenRotation(boolean rotate) {
            refreshTokenRotation = rotate;
            return this;
        }

        public Builder pkceRequiredForAllClients(boolean required) {
            pkceRequiredForAllClients = required;
            return this;
        }

        public Builder pkcePlainAllowed(boolean allowed) {
            pkcePlainAllowed = allowed;
            return this;
        }

        public Builder implicitGrantEnabled(boolean enabled) {
            implicitGrantEnabled = enabled;
            return this;
        }

        public Builder passwordGrantEnabled(boolean enabled) {
            passwordGrantEnabled = enabled;
            return this;
        }

        public Builder bearerTokenInBodyAllowed(boolean allowed) {
            bearerTokenInBodyAllowed = allowed;
            return this;
        }

        public Builder initialAccessToken(String token) {
            initialAccessToken = token;
            return this;
        }

        public Builder realm(String value) {
            realm = value;
            return this;
        }

        public OAuth2Settings build() {
            return new OAuth2Settings(issuer, authorizationEndpoint, tokenEndpoint, revocationEndpoint,
                    introspectionEndpoint, registrationEndpoint, scopesSupported, authorizationCodeLifetime,
                    accessTokenLifetime, accessTokenLifetimes, refreshTokenLifetime, refreshTokenRotation,
                    pkceRequiredForAllClients, pkcePlainAllowed, implicitGrantEnabled, passwordGrantEnabled,
                    bearerTokenInBodyAllowed, initialAccessToken, realm);
        }
    }
}
