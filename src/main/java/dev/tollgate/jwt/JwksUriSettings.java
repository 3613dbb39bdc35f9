package dev.tollgate.jwt;

import java.time.Duration;
import java.util.Objects;

/**
 * How a client's {@code jwks_uri} (RFC 7591 §2, OpenID Connect Registration §2) is fetched and cached by
 * {@link ClientKeys} and {@link HttpJwkSetFetcher}. The URI is the client's to choose, so fetching it is a request
 * this server makes on an outsider's behalf (server-side request forgery): it is bounded in time and size, never
 * follows a redirect, and does not reach private addresses unless allowed. Change the defaults with the
 * {@code with} methods.
 *
 * @param connectTimeout          how long connecting may take
 * @param readTimeout             how long the response, headers and body, may take once connected
 * @param maxSize                 the largest JWK Set read, in bytes
 * @param cacheLifetime           how long a fetched set is used before it is fetched again
 * @param refreshInterval         the least time between two fetches of one URI: a {@code kid} the cached set does not
 *                                know fetches it again at most this often, and so does a failed fetch
 * @param httpAllowed             accept {@code http} URIs, not only {@code https}
 * @param privateAddressesAllowed accept hosts that resolve to loopback, link-local, private (RFC 1918, RFC 4193),
 *                                shared (RFC 6598), any-local or multicast addresses
 */
public record JwksUriSettings(Duration connectTimeout, Duration readTimeout, int maxSize, Duration cacheLifetime,
                              Duration refreshInterval, boolean httpAllowed, boolean privateAddressesAllowed) {

    /** 2 s to connect and 2 s to answer, 64 KB, cached 5 minutes, fetched at most every 10 s, public https only. */
    public static final JwksUriSettings DEFAULT = new JwksUriSettings(Duration.ofSeconds(2), Duration.ofSeconds(2),
            64 * 1024, Duration.ofMinutes(5), Duration.ofSeconds(10), false, false);

    public JwksUriSettings {
        Objects.requireNonNull(cacheLifetime, "cacheLifetime");
        Objects.requireNonNull(refreshInterval, "refreshInterval");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("Timeouts must be positive.");
        }
        if (maxSize < 1) {
            throw new IllegalArgumentException("The largest JWK Set must be at least one byte.");
        }
        if (cacheLifetime.isNegative() || refreshInterval.isNegative()) {
            throw new IllegalArgumentException("Durations cannot be negative.");
        }
    }

    public JwksUriSettings withConnectTimeout(Duration timeout) {
        return new JwksUriSettings(timeout, readTimeout, maxSize, cacheLifetime, refreshInterval, httpAllowed,
                privateAddressesAllowed);
    }

    public JwksUriSettings withReadTimeout(Duration timeout) {
        return new JwksUriSettings(connectTimeout, timeout, maxSize, cacheLifetime, refreshInterval, httpAllowed,
                privateAddressesAllowed);
    }

    public JwksUriSettings withMaxSize(int size) {
        return new JwksUriSettings(connectTimeout, readTimeout, size, cacheLifetime, refreshInterval, httpAllowed,
                privateAddressesAllowed);
    }

    public JwksUriSettings withCacheLifetime(Duration lifetime) {
        return new JwksUriSettings(connectTimeout, readTimeout, maxSize, lifetime, refreshInterval, httpAllowed,
                privateAddressesAllowed);
    }

    public JwksUriSettings withRefreshInterval(Duration interval) {
        return new JwksUriSettings(connectTimeout, readTimeout, maxSize, cacheLifetime, interval, httpAllowed,
                privateAddressesAllowed);
    }

    public JwksUriSettings withHttpAllowed(boolean allowed) {
        return new JwksUriSettings(connectTimeout, readTimeout, maxSize, cacheLifetime, refreshInterval, allowed,
                privateAddressesAllowed);
    }

    public JwksUriSettings withPrivateAddressesAllowed(boolean allowed) {
        return new JwksUriSettings(connectTimeout, readTimeout, maxSize, cacheLifetime, refreshInterval, httpAllowed,
                allowed);
    }
}
