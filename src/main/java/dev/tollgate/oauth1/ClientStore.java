package dev.tollgate.oauth1;

import java.util.Optional;

/** Looks clients up by identifier. */
@FunctionalInterface
public interface ClientStore {

    /** The client with this {@code oauth_consumer_key}, if registered. */
    Optional<OAuth1Client> find(String clientId);
}
