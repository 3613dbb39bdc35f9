package dev.tollgate.oauth2;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the whole server shares: its issuer, the realm of its challenges, the scopes it knows and where its
 * endpoints are. Each feature has its own settings beside these ({@link TokenSettings}, {@link GrantSettings},
 * {@link PkceSettings}, {@link BearerSettings}, {@link RegistrationSettings}). Build with {@link #builder(String)}.
 *
 * @param issuer          the issuer identifier (RFC 8414 §2), e.g. {@code https://as.example}; no trailing slash
 * @param realm           the realm of {@code WWW-Authenticate} challenges
 * @param scopesSupported every scope the server knows; others are {@code invalid_scope}
 * @param endpoints       endpoint name (e.g. {@link #TOKEN}, {@link RevocationEndpoint#NAME}) to path, appended to the issuer
 * @param listedOnly      whether only the endpoints named in {@code endpoints} are served: the metadata then leaves
 *                        the others out, so that it never names a URL nobody answers
 */
public record OAuth2Settings(String issuer, String realm, Set<String> scopesSupported, Map<String, String> endpoints,
                             boolean listedOnly) {

    public static final String AUTHORIZATION = "authorization";
    public static final String TOKEN = "token";

    /** Where the endpoints are unless the builder moves them. */
    public static final Map<String, String> DEFAULT_ENDPOINTS = Map.of(
            AUTHORIZATION, "/oauth2/authorize",
            TOKEN, "/oauth2/token",
            RevocationEndpoint.NAME, "/oauth2/revoke",
            IntrospectionEndpoint.NAME, "/oauth2/introspect",
            RegistrationEndpoint.NAME, "/oauth2/register");

    public OAuth2Settings {
        Objects.requireNonNull(issuer, "issuer");
        scopesSupported = Set.copyOf(scopesSupported);
        endpoints = Map.copyOf(endpoints);
    }

    /** Defaults for the given issuer; change them with the builder's methods. */
    public static Builder builder(String issuer) {
        return new Builder(issuer);
    }

    /**
     * The absolute URL of an endpoint.
     *
     * @throws IllegalArgumentException if no path is known for the name
     */
    public String endpointUrl(String name) {
        String path = endpoints.get(name);
        if (path == null) {
            throw new IllegalArgumentException("No path for the endpoint " + name);
        }
        return issuer + path;
    }

    /** Whether the endpoint is served: named in {@link #endpoints}, or any endpoint unless {@link #listedOnly}. */
    public boolean serves(String name) {
        return !listedOnly || endpoints.containsKey(name);
    }

    /**
     * These settings serving exactly the given endpoints, at the given paths (appended to the issuer): those an
     * application actually maps.
     */
    public OAuth2Settings servingOnly(Map<String, String> served) {
        return new OAuth2Settings(issuer, realm, scopesSupported, served, true);
    }

    /** The absolute URL of an endpoint, at its default path unless the settings move it. */
    public String endpointUrl(String name, String defaultPath) {
        return issuer + endpoints.getOrDefault(name, defaultPath);
    }

    /** Builds {@link OAuth2Settings}. */
    public static final class Builder {

        private final String issuer;
        private final Map<String, String> endpoints = new LinkedHashMap<>(DEFAULT_ENDPOINTS);
        private Set<String> scopesSupported = Set.of();
        private String realm = "tollgate";

        private Builder(String issuer) {
            this.issuer = issuer;
        }

        public Builder scopesSupported(Set<String> scopes) {
            scopesSupported = scopes;
            return this;
        }

        public Builder realm(String value) {
            realm = value;
            return this;
        }

        /** Moves an endpoint, e.g. {@code endpoint(OAuth2Settings.TOKEN, "/token")}. */
        public Builder endpoint(String name, String path) {
            endpoints.put(name, path);
            return this;
        }

        public OAuth2Settings build() {
            return new OAuth2Settings(issuer, realm, scopesSupported, endpoints, false);
        }
    }
}
