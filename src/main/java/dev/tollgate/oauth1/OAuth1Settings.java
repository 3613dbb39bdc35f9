package dev.tollgate.oauth1;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How a server or resource protector checks requests. Immutable; change it with the {@code withX} methods.
 *
 * @param signatureMethods            the names of the accepted signature methods
 * @param timestampWindow             how far {@code oauth_timestamp} may be from the server clock, either way
 * @param plaintextOverHttpAllowed    accept PLAINTEXT over plain HTTP; for development only
 * @param realm                       the realm of {@code WWW-Authenticate: OAuth realm="..."}
 * @param temporaryCredentialLifetime how long a temporary credential can be authorized and exchanged
 */
public record OAuth1Settings(Set<String> signatureMethods, Duration timestampWindow,
        boolean plaintextOverHttpAllowed, String realm, Duration temporaryCredentialLifetime) {

    /** HMAC-SHA1 and RSA-SHA1, ±300 s, no PLAINTEXT over HTTP, empty realm, 10-minute temporary credentials. */
    public static final OAuth1Settings DEFAULT = new OAuth1Settings(Set.of("HMAC-SHA1", "RSA-SHA1"),
            Duration.ofSeconds(300), false, "", Duration.ofMinutes(10));

    public OAuth1Settings {
        signatureMethods = Set.copyOf(signatureMethods);
        Objects.requireNonNull(realm, "realm");
        if (timestampWindow.isNegative() || timestampWindow.isZero()) {
            throw new IllegalArgumentException("The timestamp window must be positive");
        }
        if (temporaryCredentialLifetime.isNegative() || temporaryCredentialLifetime.isZero()) {
            throw new IllegalArgumentException("The temporary credential lifetime must be positive");
        }
    }

    /** How long a nonce is remembered: twice the window and a second, so a replay is caught while it is in time. */
    public Duration nonceLifetime() {
        return timestampWindow.multipliedBy(2).plusSeconds(1); // the window is compared in whole seconds
    }

    public OAuth1Settings withSignatureMethods(String... names) {
        return new OAuth1Settings(Set.of(names), timestampWindow, plaintextOverHttpAllowed, realm,
                temporaryCredentialLifetime);
    }

    public OAuth1Settings withTimestampWindow(Duration window) {
        return new OAuth1Settings(signatureMethods, window, plaintextOverHttpAllowed, realm,
                temporaryCredentialLifetime);
    }

    public OAuth1Settings withPlaintextOverHttpAllowed(boolean allowed) {
        return new OAuth1Settings(signatureMethods, timestampWindow, allowed, realm, temporaryCredentialLifetime);
    }

    public OAuth1Settings withRealm(String newRealm) {
        return new OAuth1Settings(signatureMethods, timestampWindow, plaintextOverHttpAllowed, newRealm,
                temporaryCredentialLifetime);
    }

    public OAuth1Settings withTemporaryCredentialLifetime(Duration lifetime) {
        return new OAuth1Settings(signatureMethods, timestampWindow, plaintextOverHttpAllowed, realm, lifetime);
    }
}
