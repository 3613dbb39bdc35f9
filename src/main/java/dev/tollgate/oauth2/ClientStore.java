package dev.tollgate.oauth2;

import java.util.Optional;

/** Where clients live. */
public interface ClientStore {

    Optional<OAuth2Client> find(String clientId);

    /**
     * Stores a client created by dynamic registration (RFC 7591); its client id is new and unique. Keeps its
     * {@link RegisteredClient#registrationAccessTokenHash()} too, for {@link #findRegistration}.
     */
    void save(RegisteredClient client);

    /**
     * A dynamically registered client as registered, with the hash of its registration access token, for
     * the client configuration endpoint (RFC 7592); empty for an unknown client or one registered by other
     * means. By default always empty: no client can then manage its registration.
     */
    default Optional<RegisteredClient> findRegistration(String clientId) {
        return Optional.empty();
    }

    /**
     * Replaces a dynamically registered client's metadata and registration access token hash (RFC 7592 §2.2),
     * if its registration access token hash is still {@code expectedRegistrationAccessTokenHash}: of concurrent
     * updates with one token, one succeeds. Its client id, secret and issue time stay.
     *
     * @return whether it was replaced
     * @throws UnsupportedOperationException by default
     */
    default boolean update(RegisteredClient client, String expectedRegistrationAccessTokenHash) {
        throw new UnsupportedOperationException(getClass().getName() + " does not implement update, which the "
                + "client configuration endpoint (RFC 7592) needs.");
    }

    /**
     * Removes a dynamically registered client (RFC 7592 §2.3).
     *
     * @return whether there was one to remove
     * @throws UnsupportedOperationException by default
     */
    default boolean delete(String clientId) {
        throw new UnsupportedOperationException(getClass().getName() + " does not implement delete, which the "
                + "client configuration endpoint (RFC 7592) needs.");
    }
}
