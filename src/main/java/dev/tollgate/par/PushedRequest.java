package dev.tollgate.par;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An authorization request a client pushed (RFC 9126 §2), validated, with the parameters of its request object in
 * place; it holds no client credential.
 *
 * @param clientId   the client that pushed it, the only one that may refer to it
 * @param parameters the authorization request's parameters
 * @param expiresAt  when its {@code request_uri} stops working
 */
public record PushedRequest(String clientId, Map<String, String> parameters, Instant expiresAt) {

    public PushedRequest {
        Objects.requireNonNull(clientId, "clientId");
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
