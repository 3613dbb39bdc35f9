package dev.tollgate.oauth1;

import dev.tollgate.common.Secrets;

/**
 * PLAINTEXT: the signature is the key itself (RFC 5849 §3.4.4). It exposes the secrets, so the server accepts
 * it only over TLS unless {@link OAuth1Settings#plaintextOverHttpAllowed()}.
 */
public final class PlaintextSignatureMethod implements SignatureMethod {

    /** The method name. */
    public static final String NAME = "PLAINTEXT";
    /** The one instance. */
    public static final PlaintextSignatureMethod PLAINTEXT = new PlaintextSignatureMethod();

    private PlaintextSignatureMethod() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The signature: {@code encode(client secret) & encode(token secret)}. */
    public String sign(String clientSecret, String tokenSecret) {
        return SharedSecretKey.of(clientSecret, tokenSecret);
    }

    @Override
    public boolean verify(String baseString, String signature, OAuth1Client client, String tokenSecret) {
        return SharedSecretKey.hasSecret(client)
                && Secrets.constantTimeEquals(SharedSecretKey.of(client.getClientSecret(), tokenSecret), signature);
    }
}
