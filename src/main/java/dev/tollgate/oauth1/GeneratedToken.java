package dev.tollgate.oauth1;

import java.util.Objects;

/** A freshly generated token and its secret. */
public record GeneratedToken(String token, String secret) {

    public GeneratedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(secret, "secret");
    }
}
