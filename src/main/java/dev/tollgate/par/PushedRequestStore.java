package dev.tollgate.par;

import java.time.Duration;
import java.util.Optional;

/**
 * Where pushed authorization requests wait for the authorization endpoint, by the hash of their {@code request_uri}:
 * short-lived state that every node of a cluster must see (a JCache cache in the Jakarta integration).
 */
public interface PushedRequestStore {

    /** Keeps a pushed request for its lifetime. */
    void save(String requestUriHash, PushedRequest request, Duration lifetime);

    /** The request, if it is still kept (it may have expired all the same: the caller checks). */
    Optional<PushedRequest> find(String requestUriHash);

    /**
     * Removes the request, atomically across the cluster.
     *
     * @return whether this call removed it: of concurrent calls, one does
     */
    boolean remove(String requestUriHash);
}
