package dev.tollgate.oauth1;

/** Names of the protocol parameters (RFC 5849 §2 and §3.1). */
public final class OAuthParameters {

    public static final String CONSUMER_KEY = "oauth_consumer_key";
    public static final String TOKEN = "oauth_token";
    public static final String TOKEN_SECRET = "oauth_token_secret";
    public static final String SIGNATURE_METHOD = "oauth_signature_method";
    public static final String SIGNATURE = "oauth_signature";
    public static final String TIMESTAMP = "oauth_timestamp";
    public static final String NONCE = "oauth_nonce";
    public static final String VERSION = "oauth_version";
    public static final String CALLBACK = "oauth_callback";
    public static final String CALLBACK_CONFIRMED = "oauth_callback_confirmed";
    public static final String VERIFIER = "oauth_verifier";
    /** The header parameter that names the protection realm (RFC 5849 §3.5.1). */
    public static final String REALM = "realm";
    /** The {@code oauth_callback} value of a client that cannot receive a callback (RFC 5849 §2.1). */
    public static final String OUT_OF_BAND = "oob";

    private OAuthParameters() {
    }
}
