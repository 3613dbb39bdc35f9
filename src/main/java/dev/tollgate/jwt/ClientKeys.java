package dev.tollgate.jwt;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.tollgate.oauth2.OAuth2Client;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client's public keys (RFC 7591 §2, OpenID Connect Registration §2): its {@code jwks} metadata, or the JWK Set
 * at its {@code jwks_uri}, fetched through a {@link JwkSetFetcher} and cached per URI for
 * {@link JwksUriSettings#cacheLifetime()}. When no cached key fits an assertion's header (a {@code kid} it does not
 * know: the client rotated its keys, OpenID Connect Core §10.1.1), the set is fetched once more, but a URI is
 * fetched at most once per {@link JwksUriSettings#refreshInterval()}, failures included, so that unknown
 * {@code kid}s cannot make this server hammer a client's host. A failed fetch leaves a still fresh set in use; a set
 * past its lifetime is not used. A client with both {@code jwks} and {@code jwks_uri} (RFC 7591 §2: MUST NOT) has
 * no keys. Private keys in a set are never used: only public parts are returned.
 */
public final class ClientKeys {

    /** The most URIs cached; beyond, stale entries are dropped, and if none is stale, all. */
    static final int MAX_CACHED_URIS = 1000;

    private static final System.Logger LOG = System.getLogger(ClientKeys.class.getName());

    private final JwkSetFetcher fetcher;
    private final JwksUriSettings settings;
    private final Clock clock;
    private final Map<URI, CachedSet> cache = new ConcurrentHashMap<>();

    /** Keys fetched over HTTP by an {@link HttpJwkSetFetcher} of the settings. */
    public ClientKeys(JwksUriSettings settings, Clock clock) {
        this(new HttpJwkSetFetcher(settings), settings, clock);
    }

    public ClientKeys(JwkSetFetcher fetcher, JwksUriSettings settings, Clock clock) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The client's public keys that may have signed a JWS with this header: by {@code kid} if it has one, else every
     * key of the algorithm's type, with a {@code use} of {@code sig} or none, and RSA keys of 2048 bits or more;
     * fetched again once if none fits.
     *
     * @return empty if the client has no keys, none fits, or they cannot be fetched
     */
    public List<JWK> candidates(OAuth2Client client, JWSHeader header) {
        JsonObject metadata = client.getMetadata();
        JsonValue jwks = metadata.get("jwks");
        JsonValue jwksUri = metadata.get("jwks_uri");
        boolean hasJwks = jwks != null && jwks != JsonValue.NULL;
        boolean hasUri = jwksUri != null && jwksUri != JsonValue.NULL;
        if (hasJwks && hasUri) {
            LOG.log(Level.WARNING, "Client {0} has both jwks and jwks_uri: neither is used.", client.getClientId());
            return List.of();
        }
        if (hasJwks) {
            return registered(client, jwks).map(set -> Signatures.candidates(set, header)).orElse(List.of());
        }
        if (!hasUri) {
            return List.of();
        }
        Optional<CachedSet> cached = cachedSet(client, jwksUri);
        if (cached.isEmpty()) {
            return List.of();
        }
        JWKSet set = cached.get().keys(false);
        List<JWK> candidates = set == null ? List.of() : Signatures.candidates(set, header);
        if (candidates.isEmpty()) {
            set = cached.get().keys(true);
            candidates = set == null ? List.of() : Signatures.candidates(set, header);
        }
        return candidates;
    }

    private static Optional<JWKSet> registered(OAuth2Client client, JsonValue jwks) {
        try {
            if (jwks instanceof JsonObject object) {
                return Optional.of(JWKSet.parse(object.toString()).toPublicJWKSet());
            }
        } catch (ParseException e) {
            // logged below
        }
        LOG.log(Level.WARNING, "Client {0} has a jwks that is not a JWK Set.", client.getClientId());
        return Optional.empty();
    }

    private Optional<CachedSet> cachedSet(OAuth2Client client, JsonValue jwksUri) {
        URI uri;
        try {
            if (!(jwksUri instanceof JsonString text)) {
                throw new URISyntaxException(String.valueOf(jwksUri), "not a string");
            }
            uri = new URI(text.getString());
        } catch (URISyntaxException e) {
            LOG.log(Level.WARNING, "Client {0} has a jwks_uri that is not a URI.", client.getClientId());
            return Optional.empty();
        }
        if (cache.size() >= MAX_CACHED_URIS && !cache.containsKey(uri)) {
            Instant now = clock.instant();
            cache.values().removeIf(entry -> !entry.isFresh(now));
            if (cache.size() >= MAX_CACHED_URIS) {
                cache.clear();
            }
        }
        return Optional.of(cache.computeIfAbsent(uri, CachedSet::new));
    }

    /** The keys at one URI: fetched at most once per refresh interval, one fetch at a time. */
    private final class CachedSet {

        private final URI uri;
        private JWKSet keys;
        private Instant fetchedAt;
        private Instant attemptedAt;

        CachedSet(URI uri) {
            this.uri = uri;
        }

        synchronized boolean isFresh(Instant now) {
            return keys != null && now.isBefore(fetchedAt.plus(settings.cacheLifetime()));
        }

        /**
         * The fresh keys, fetched if there are none or if {@code refresh} asks, when the last attempt is at least the
         * refresh interval ago; {@code null} if there are no fresh keys.
         */
        synchronized JWKSet keys(boolean refresh) {
            Instant now = clock.instant();
            if (isFresh(now) && !refresh) {
                return keys;
            }
            if (attemptedAt == null || !now.isBefore(attemptedAt.plus(settings.refreshInterval()))) {
                attemptedAt = now;
                try {
                    keys = fetcher.fetch(uri).toPublicJWKSet();
                    fetchedAt = now;
                    return keys; // even with a cache lifetime of zero
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "Cannot fetch the JWK Set at {0}: {1}", uri, e.getMessage());
                }
            }
            return isFresh(now) ? keys : null;
        }
    }
}
