package dev.tollgate.oauth1;

import java.util.List;

/** A registered client, the "consumer" of OAuth Core 1.0 (Authlib's {@code ClientMixin}). */
public interface OAuth1Client {

    /** The client identifier, sent as {@code oauth_consumer_key}. */
    String getClientId();

    /** The shared secret for HMAC and PLAINTEXT signatures, or {@code null} for a client that signs with RSA. */
    String getClientSecret();

    /** The RSA public key for RSA signatures, as PEM text (see {@link RsaKeys#publicKey}), or {@code null}. */
    String getRsaPublicKey();

    /** The main redirect URI, or {@code null}; it counts as registered, like those of {@link #getRedirectUris()}. */
    String getDefaultRedirectUri();

    /** The callback URIs the client registered; an {@code oauth_callback} must equal one of them exactly. */
    List<String> getRedirectUris();
}
