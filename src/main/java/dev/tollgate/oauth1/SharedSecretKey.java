package dev.tollgate.oauth1;

import dev.tollgate.common.PercentEncoding;

/** The key of HMAC and PLAINTEXT signatures: {@code encode(client secret) & encode(token secret)}. */
final class SharedSecretKey {

    private SharedSecretKey() {
    }

    /** RFC 5849 §3.4.2 and §3.4.4: an absent token secret is an empty string, the {@code &} stays. */
    static String of(String clientSecret, String tokenSecret) {
        return PercentEncoding.encode(clientSecret == null ? "" : clientSecret)
                + '&' + PercentEncoding.encode(tokenSecret == null ? "" : tokenSecret);
    }

    /** A client without a secret cannot use a shared-secret method: an empty key would be guessable. */
    static boolean hasSecret(OAuth1Client client) {
        String secret = client.getClientSecret();
        return secret != null && !secret.isEmpty();
    }
}
