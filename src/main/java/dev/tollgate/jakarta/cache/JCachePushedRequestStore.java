package dev.tollgate.jakarta.cache;

import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.par.PushedRequest;
import dev.tollgate.par.PushedRequestStore;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.cache.Cache;

/**
 * Pushed authorization requests (RFC 9126) in a JCache cache whose entries live as long as a {@code request_uri}:
 * pushed on one node, used on another, and used once across the cluster ({@code remove} is atomic). Kept as text
 * (the client id, the expiry and the form-encoded parameters), so that any provider can hold and ship them.
 */
public class JCachePushedRequestStore implements PushedRequestStore {

    private final Cache<String, String> cache;

    /** @param cache keeps its entries for at least the pushed requests' lifetime */
    public JCachePushedRequestStore(Cache<String, String> cache) {
        this.cache = cache;
    }

    @Override
    public void save(String requestUriHash, PushedRequest request, Duration lifetime) {
        cache.put(requestUriHash, request.expiresAt().getEpochSecond() + "\n" + request.clientId() + "\n"
                + FormUrlEncoding.format(request.parameters()));
    }

    @Override
    public Optional<PushedRequest> find(String requestUriHash) {
        return Optional.ofNullable(cache.get(requestUriHash)).map(JCachePushedRequestStore::read);
    }

    @Override
    public boolean remove(String requestUriHash) {
        return cache.remove(requestUriHash);
    }

    private static PushedRequest read(String text) {
        String[] lines = text.split("\n", 3);
        Map<String, String> parameters = new LinkedHashMap<>();
        FormUrlEncoding.parse(lines[2]).forEach(pair -> parameters.put(pair.getKey(), pair.getValue()));
        return new PushedRequest(lines[1], parameters, Instant.ofEpochSecond(Long.parseLong(lines[0])));
    }
}
