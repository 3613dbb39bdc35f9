package dev.tollgate.oauth1;

import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.common.PercentEncoding;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds requests as a client would send them: protocol parameters in one location, then signed. */
final class SignedRequestBuilder {

    private final String method;
    private final String uri;
    private final Map<String, String> oauth = new LinkedHashMap<>();
    private final List<Map.Entry<String, String>> body = new ArrayList<>();
    private ParameterLocation location = ParameterLocation.AUTHORIZATION_HEADER;
    private String realm;

    SignedRequestBuilder(String method, String uri) {
        this.method = method;
        this.uri = uri;
    }

    /** Sets a protocol parameter; {@code null} removes it. */
    SignedRequestBuilder oauth(String name, String value) {
        if (value == null) {
            oauth.remove(name);
        } else {
            oauth.put(name, value);
        }
        return this;
    }

    /** Adds a form body parameter. */
    SignedRequestBuilder bodyParameter(String name, String value) {
        body.add(Map.entry(name, value));
        return this;
    }

    SignedRequestBuilder location(ParameterLocation newLocation) {
        location = newLocation;
        return this;
    }

    SignedRequestBuilder realm(String newRealm) {
        realm = newRealm;
        return this;
    }

    /** The base string of the request as it stands, without a signature. */
    String baseString() throws OAuth1Error {
        oauth.remove(OAuthParameters.SIGNATURE);
        return SignatureBaseString.of(build());
    }

    OAuth1Request signHmac(String clientSecret, String tokenSecret) throws OAuth1Error {
        return signHmac(HmacSignatureMethod.HMAC_SHA1, clientSecret, tokenSecret);
    }

    OAuth1Request signHmac(HmacSignatureMethod hmac, String clientSecret, String tokenSecret) throws OAuth1Error {
        oauth(OAuthParameters.SIGNATURE_METHOD, hmac.name());
        return signature(hmac.sign(baseString(), clientSecret, tokenSecret));
    }

    OAuth1Request signRsa(RsaSignatureMethod rsa, PrivateKey key) throws OAuth1Error {
        oauth(OAuthParameters.SIGNATURE_METHOD, rsa.name());
        return signature(rsa.sign(baseString(), key));
    }

    OAuth1Request signPlaintext(String clientSecret, String tokenSecret) throws OAuth1Error {
        oauth(OAuthParameters.SIGNATURE_METHOD, PlaintextSignatureMethod.NAME);
        return signature(PlaintextSignatureMethod.PLAINTEXT.sign(clientSecret, tokenSecret));
    }

    /** The request with this {@code oauth_signature}. */
    OAuth1Request signature(String signature) throws OAuth1Error {
        oauth.put(OAuthParameters.SIGNATURE, signature);
        return build();
    }

    /** The request as it stands. */
    OAuth1Request build() throws OAuth1Error {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        List<Map.Entry<String, String>> form = new ArrayList<>(body);
        String target = uri;
        switch (location) {
            case AUTHORIZATION_HEADER -> headers.put("Authorization", List.of(header()));
            case BODY -> form.addAll(oauth.entrySet());
            case QUERY -> target = uri + (uri.contains("?") ? "&" : "?") + FormUrlEncoding.format(oauth);
        }
        String encodedBody = form.isEmpty() ? null : FormUrlEncoding.format(form);
        return OAuth1Request.from(method, target, headers, encodedBody,
                encodedBody == null ? null : FormUrlEncoding.CONTENT_TYPE);
    }

    private String header() {
        List<String> parts = new ArrayList<>();
        if (realm != null) {
            parts.add("realm=\"" + realm + '"');
        }
        oauth.forEach((name, value) -> parts.add(name + "=\"" + PercentEncoding.encode(value) + '"'));
        return "OAuth " + parts.stream().collect(Collectors.joining(", "));
    }
}
