package dev.tollgate.oauth1;

import dev.tollgate.common.ReplayCache;
import dev.tollgate.common.PercentEncoding;
import java.time.Clock;

/**
 * The checks every signed request goes through (RFC 5849 §3.2): first the syntax, answered with 400, then the
 * credentials, answered with 401. The nonce is recorded last, once the signature is known to be good.
 */
final class SignedRequestVerifier {

    private static final int MAX_TIMESTAMP_DIGITS = 18;

    private final ReplayCache nonces;
    private final OAuth1Settings settings;
    private final SignatureMethods signatureMethods;
    private final Clock clock;

    SignedRequestVerifier(ReplayCache nonces, OAuth1Settings settings, SignatureMethods signatureMethods, Clock clock) {
        this.nonces = nonces;
        this.settings = settings;
        this.signatureMethods = signatureMethods;
        this.clock = clock;
    }

    /** The 400 checks: required parameters present and well-formed, signature method accepted. */
    SignatureMethod checkParameters(OAuth1Request request) throws OAuth1Error {
        require(request, OAuthParameters.CONSUMER_KEY);
        String methodName = require(request, OAuthParameters.SIGNATURE_METHOD);
        SignatureMethod method = signatureMethods.find(methodName)
                .filter(found -> settings.signatureMethods().contains(found.name()))
                .orElseThrow(UnsupportedSignatureMethodError::new);
        require(request, OAuthParameters.SIGNATURE);
        String version = request.parameter(OAuthParameters.VERSION);
        if (version != null && !version.equals("1.0")) {
            // RFC 5849 §3.1: if present, oauth_version MUST be "1.0"
            throw new InvalidRequestError("Invalid \"oauth_version\" value");
        }
        boolean plaintext = isPlaintext(method);
        if (!(plaintext && request.timestamp() == null && request.nonce() == null)) {
            // RFC 5849 §3.4.4: PLAINTEXT may omit both timestamp and nonce, other methods neither
            require(request, OAuthParameters.TIMESTAMP);
            require(request, OAuthParameters.NONCE);
            parseTimestamp(request.timestamp());
        }
        if (plaintext && !request.isSecure() && !settings.plaintextOverHttpAllowed()) {
            // RFC 5849 §3.4.4: PLAINTEXT sends the secrets, so only over a secure channel
            throw new InsecureTransportError();
        }
        return method;
    }

    /**
     * The 401 checks, after {@link #checkParameters}: timestamp window, signature, then nonce.
     *
     * @param tokenSecret the secret of the request's token, or {@code null} when it has none
     */
    void verify(OAuth1Request request, SignatureMethod method, OAuth1Client client, String tokenSecret)
            throws OAuth1Error {
        String timestamp = request.timestamp();
        if (timestamp != null) {
            checkWindow(parseTimestamp(timestamp));
        }
        if (!method.verify(SignatureBaseString.of(request), request.signature(), client, tokenSecret)) {
            throw new InvalidSignatureError();
        }
        if (request.nonce() != null && !nonces.recordIfAbsent(nonceKey(request), settings.nonceLifetime())) {
            throw new InvalidNonceError();
        }
    }

    /** RFC 5849 §3.3: a nonce is unique per client, token and timestamp. */
    private static String nonceKey(OAuth1Request request) {
        String token = request.token() == null ? "" : request.token();
        return PercentEncoding.encode(request.clientId()) + '&' + PercentEncoding.encode(token) + '&'
                + request.timestamp() + '&' + PercentEncoding.encode(request.nonce());
    }

    /** RFC 5849 §3.3: the timestamp is a positive integer of seconds since the epoch. */
    private static long parseTimestamp(String timestamp) throws InvalidRequestError {
        if (timestamp.isEmpty() || timestamp.length() > MAX_TIMESTAMP_DIGITS
                || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidRequestError("Invalid \"oauth_timestamp\" value");
        }
        return Long.parseLong(timestamp);
    }

    // In seconds, as longs: an 18-digit timestamp lies beyond Instant's range but not beyond a long's.
    private void checkWindow(long timestamp) throws InvalidTimestampError {
        long skew = Math.abs(clock.instant().getEpochSecond() - timestamp);
        if (skew > settings.timestampWindow().getSeconds()) {
            throw new InvalidTimestampError();
        }
    }

    private static boolean isPlaintext(SignatureMethod method) {
        return PlaintextSignatureMethod.NAME.equals(method.name());
    }

    private static String require(OAuth1Request request, String name) throws MissingRequiredParameterError {
        String value = request.parameter(name);
        if (value == null || value.isEmpty()) {
            throw new MissingRequiredParameterError(name);
        }
        return value;
    }
}
