package dev.tollgate.oauth1;

/**
 * Size limits applied while a request is read; anything larger is a 400 {@code invalid_request}.
 *
 * @param maxUriLength            characters in the absolute request URI
 * @param maxAuthorizationLength  characters in the {@code Authorization} header
 * @param maxBodyLength           characters in a form-encoded body
 * @param maxParameters           parameters over header, body and query together
 */
public record RequestLimits(int maxUriLength, int maxAuthorizationLength, int maxBodyLength, int maxParameters) {

    /** 8 KiB URI and header, 64 KiB body, 256 parameters. */
    public static final RequestLimits DEFAULT = new RequestLimits(8192, 8192, 65536, 256);

    public RequestLimits {
        if (maxUriLength <= 0 || maxAuthorizationLength <= 0 || maxBodyLength <= 0 || maxParameters <= 0) {
            throw new IllegalArgumentException("Limits must be positive");
        }
    }
}
