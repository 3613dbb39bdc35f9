package dev.tollgate.jakarta.oauth1;

import dev.tollgate.jakarta.servlet.ProxySettings;
import dev.tollgate.jakarta.servlet.ServletRequests;
import dev.tollgate.oauth1.InvalidRequestError;
import dev.tollgate.oauth1.OAuth1Error;
import dev.tollgate.oauth1.OAuth1Request;
import jakarta.servlet.http.HttpServletRequest;

/** Turns a servlet request into the core's {@link OAuth1Request}. */
final class OAuth1Requests {

    private OAuth1Requests() {
    }

    static OAuth1Request from(HttpServletRequest request, ProxySettings proxy) throws OAuth1Error {
        String body;
        try {
            body = ServletRequests.formBody(request);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestError("Malformed percent-encoding in the query");
        }
        return OAuth1Request.from(request.getMethod(), ServletRequests.absoluteUri(request, proxy),
                ServletRequests.headers(request), body, request.getContentType());
    }
}
