package dev.tollgate.jakarta.oauth2;

import dev.tollgate.jakarta.servlet.ProxySettings;
import dev.tollgate.jakarta.servlet.ServletRequests;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Request;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Turns a servlet request into the core's {@link OAuth2Request}. */
public final class OAuth2Requests {

    private OAuth2Requests() {
    }

    /**
     * For endpoints that own the request: a form body is read through the parameter map (the container has
     * decoded it), any other body (such as registration JSON) from the stream, at most
     * {@link OAuth2Request#MAX_BODY_LENGTH} bytes.
     */
    public static OAuth2Request from(HttpServletRequest request, ProxySettings proxy) throws IOException {
        String body = ServletRequests.isForm(request.getContentType()) ? formBody(request) : readBody(request);
        return OAuth2Request.of(request.getMethod(), ServletRequests.absoluteUri(request, proxy),
                ServletRequests.headers(request), body, request.getContentType());
    }

    /** The form body; {@code invalid_request} when the query's encoding is malformed (RFC 6749 §3.1). */
    static String formBody(HttpServletRequest request) {
        try {
            return ServletRequests.formBody(request);
        } catch (IllegalArgumentException e) {
            throw OAuth2Error.invalidRequest("Malformed parameter encoding.");
        }
    }

    private static String readBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() == 0) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(OAuth2Request.MAX_BODY_LENGTH + 1);
            if (bytes.length > OAuth2Request.MAX_BODY_LENGTH) {
                throw OAuth2Error.invalidRequest("The request body is too large.");
            }
            return bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
