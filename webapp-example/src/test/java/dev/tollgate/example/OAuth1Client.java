package dev.tollgate.example;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.builder.api.DefaultApi10a;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuth1RequestToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Response;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import com.github.scribejava.core.services.HMACSha1SignatureService;
import com.github.scribejava.core.services.PlaintextSignatureService;
import com.github.scribejava.core.services.RSASha1SignatureService;
import com.github.scribejava.core.services.SignatureService;
import dev.tollgate.oauth1.RsaKeys;
import java.nio.file.Files;
import java.nio.file.Path;

/** The demo OAuth 1 clients as ScribeJava, an independent client library, plays them. */
final class OAuth1Client {

    static final String CALLBACK = "http://127.0.0.1:8765/callback";

    private OAuth1Client() {
    }

    static OAuth10aService hmac(String base, String callback) {
        return new ServiceBuilder("demo-oauth1-client").apiSecret("demo-oauth1-secret").callback(callback)
                .build(new Api(base, new HMACSha1SignatureService()));
    }

    static OAuth10aService hmac(String base, String clientId, String secret, String callback) {
        return new ServiceBuilder(clientId).apiSecret(secret).callback(callback)
                .build(new Api(base, new HMACSha1SignatureService()));
    }

    static OAuth10aService plaintext(String base, String callback) {
        return new ServiceBuilder("demo-oauth1-client").apiSecret("demo-oauth1-secret").callback(callback)
                .build(new Api(base, new PlaintextSignatureService()));
    }

    /** {@code demo-oauth1-rsa}, signing with the demo private key. */
    static OAuth10aService rsa(String base, String callback) throws Exception {
        String pem = Files.readString(Path.of("src/main/resources/demo/oauth1-rsa-private.pem"));
        return new ServiceBuilder("demo-oauth1-rsa").callback(callback)
                .build(new Api(base, new RSASha1SignatureService(RsaKeys.privateKey(pem))));
    }

    /** {@code GET /api/oauth1/me} signed with the token credential. */
    static Response me(OAuth10aService service, String base, OAuth1AccessToken token) throws Exception {
        OAuthRequest me = new OAuthRequest(Verb.GET, base + "api/oauth1/me");
        service.signRequest(token, me);
        return service.execute(me);
    }

    /** {@code POST /oauth1/token} with this verifier; the raw response, also for errors. */
    static Response exchange(OAuth10aService service, String base, OAuth1RequestToken requestToken, String verifier)
            throws Exception {
        OAuthRequest token = new OAuthRequest(Verb.POST, base + "oauth1/token");
        token.addOAuthParameter("oauth_verifier", verifier);
        service.signRequest(new OAuth1AccessToken(requestToken.getToken(), requestToken.getTokenSecret()), token);
        return service.execute(token);
    }

    /** The example's endpoints, for ScribeJava. */
    static final class Api extends DefaultApi10a {

        private final String base;
        private final SignatureService signatures;

        Api(String base, SignatureService signatures) {
            this.base = base;
            this.signatures = signatures;
        }

        @Override
        public String getRequestTokenEndpoint() {
            return base + "oauth1/initiate";
        }

        @Override
        public String getAccessTokenEndpoint() {
            return base + "oauth1/token";
        }

        @Override
        protected String getAuthorizationBaseUrl() {
            return base + "oauth1/authorize";
        }

        @Override
        public SignatureService getSignatureService() {
            return signatures;
        }
    }
}
