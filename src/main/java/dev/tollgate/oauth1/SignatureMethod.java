package dev.tollgate.oauth1;

/**
 * A way of signing requests (RFC 5849 §3.4), registered by {@link #name()} in {@link SignatureMethods}.
 * Implementations compare in constant time and never throw for a bad signature: they answer {@code false}.
 */
public interface SignatureMethod {

    /** The {@code oauth_signature_method} value, e.g. {@code HMAC-SHA1}. */
    String name();

    /**
     * Whether {@code signature} is valid for the request.
     *
     * @param baseString  the signature base string of the request (RFC 5849 §3.4.1)
     * @param signature   the decoded {@code oauth_signature}
     * @param client      the signing client, whose secret or RSA public key is the key
     * @param tokenSecret the secret of the token in the request, or {@code null} when there is none
     */
    boolean verify(String baseString, String signature, OAuth1Client client, String tokenSecret);
}
