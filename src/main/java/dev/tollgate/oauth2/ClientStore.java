package dev.tollgate.oauth2;

import java.util.Optional;

/** Where clients live. */
public interface ClientStore {

    Optional<OAuth2Client> find(String clientId);

    /** Stores a client created by dynamic registration (RFC 7591); its client id is new and unique. */
    void save(RegisteredClient client);
}
