package dev.tollgate.oauth1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Published signatures: RFC 5849 §1.2, OAuth Core 1.0a Appendix A, wiki.oauth.net, Twitter, Authlib. */
class SignatureVectorsTest {

    private static final String PHOTOS_CLIENT = "dpf43f3p2l4k3l03";
    private static final String PHOTOS_SECRET = "kd94hf93k423kf44";

    private static SignedRequestBuilder rfcTemporaryCredentialRequest(String scheme) {
        return new SignedRequestBuilder("POST", scheme + "://photos.example.net/initiate")
                .realm("Photos")
                .oauth("oauth_consumer_key", PHOTOS_CLIENT)
                .oauth("oauth_signature_method", "HMAC-SHA1")
                .oauth("oauth_timestamp", "137131200")
                .oauth("oauth_nonce", "wIjqoS")
                .oauth("oauth_callback", "http://printer.example.com/ready");
    }

    private static SignedRequestBuilder rfcTokenRequest(String scheme) {
        return new SignedRequestBuilder("POST", scheme + "://photos.example.net/token")
                .realm("Photos")
                .oauth("oauth_consumer_key", PHOTOS_CLIENT)
                .oauth("oauth_token", "hh5s93j4hdidpola")
                .oauth("oauth_signature_method", "HMAC-SHA1")
                .oauth("oauth_timestamp", "137131201")
                .oauth("oauth_nonce", "walatlh")
                .oauth("oauth_verifier", "hfdp7dh39dks9884");
    }

    private static SignedRequestBuilder rfcResourceRequest(String scheme) {
        return new SignedRequestBuilder("GET", scheme + "://photos.example.net/photos?file=vacation.jpg&size=original")
                .realm("Photos")
                .oauth("oauth_consumer_key", PHOTOS_CLIENT)
                .oauth("oauth_token", "nnch734d00sl2jdk")
                .oauth("oauth_signature_method", "HMAC-SHA1")
                .oauth("oauth_timestamp", "137131202")
                .oauth("oauth_nonce", "chapoH");
    }

    private static String hmacSha1(String baseString, String clientSecret, String tokenSecret) {
        return HmacSignatureMethod.HMAC_SHA1.sign(baseString, clientSecret, tokenSecret);
    }

    @Test
    void rfc5849TemporaryCredentialsSignature() throws OAuth1Error {
        OAuth1Request signed = rfcTemporaryCredentialRequest("https").signHmac(PHOTOS_SECRET, null);
        assertEquals("74KNZJeDHnMBp0EMJ9ZHt/XKycU=", signed.signature());
        assertTrue(signed.header("Authorization").contains("oauth_signature=\"74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D\""));
        assertEquals("Photos", signed.realm().orElseThrow());
    }

    @Test
    void rfc5849TokenCredentialsSignature() throws OAuth1Error {
        assertEquals("gKgrFCywp7rO0OXSjdot/IHF7IU=",
                rfcTokenRequest("https").signHmac(PHOTOS_SECRET, "hdhd0244k9j7ao03").signature());
    }

    @Test
    void rfc5849ProtectedResourceSignature() throws OAuth1Error {
        assertEquals("MdpQcU8iPSUjWoN/UDMsK2sui9I=",
                rfcResourceRequest("http").signHmac(PHOTOS_SECRET, "pfkkdhi9sl3r4s00").signature());
    }

    @Test
    void rfc5849SignaturesDependOnTheScheme() throws OAuth1Error {
        assertEquals("mIPx9sQqO97OuihOwUEyB7c4/GI=",
                hmacSha1(rfcTemporaryCredentialRequest("http").baseString(), PHOTOS_SECRET, null));
        assertEquals("ZgObLakjujpjYvaFipAou+ED/Ks=",
                hmacSha1(rfcTokenRequest("http").baseString(), PHOTOS_SECRET, "hdhd0244k9j7ao03"));
        assertEquals("91yh92rtXzicpezVYjTDNzieVps=",
                hmacSha1(rfcResourceRequest("https").baseString(), PHOTOS_SECRET, "pfkkdhi9sl3r4s00"));
        OAuth1Client photos = TestClient.withSecret(PHOTOS_CLIENT, PHOTOS_SECRET);
        assertFalse(HmacSignatureMethod.HMAC_SHA1.verify(rfcTemporaryCredentialRequest("http").baseString(),
                "74KNZJeDHnMBp0EMJ9ZHt/XKycU=", photos, null));
        assertFalse(HmacSignatureMethod.HMAC_SHA1.verify(rfcResourceRequest("https").baseString(),
                "MdpQcU8iPSUjWoN/UDMsK2sui9I=", photos, "pfkkdhi9sl3r4s00"));
        assertTrue(HmacSignatureMethod.HMAC_SHA1.verify(rfcResourceRequest("http").baseString(),
                "MdpQcU8iPSUjWoN/UDMsK2sui9I=", photos, "pfkkdhi9sl3r4s00"));
    }

    @Test
    void appendixA52HmacSha1() throws OAuth1Error {
        OAuth1Request signed = new SignedRequestBuilder("GET",
                "http://photos.example.net/photos?file=vacation.jpg&size=original")
                .oauth("oauth_consumer_key", PHOTOS_CLIENT)
                .oauth("oauth_token", "nnch734d00sl2jdk")
                .oauth("oauth_timestamp", "1191242096")
                .oauth("oauth_nonce", "kllo9940pd9333jh")
                .oauth("oauth_version", "1.0")
                .signHmac(PHOTOS_SECRET, "pfkkdhi9sl3r4s00");
        assertEquals("tR3+Ty81lMeYAr/Fid0kMTYa/WM=", signed.signature());
        assertTrue(HmacSignatureMethod.HMAC_SHA1.verify(SignatureBaseString.of(signed), "tR3+Ty81lMeYAr/Fid0kMTYa/WM=",
                TestClient.withSecret(PHOTOS_CLIENT, PHOTOS_SECRET), "pfkkdhi9sl3r4s00"));
    }

    @Test
    void appendixAPlaintext() throws OAuth1Error {
        PlaintextSignatureMethod plaintext = PlaintextSignatureMethod.PLAINTEXT;
        assertEquals("kd94hf93k423kf44&", plaintext.sign(PHOTOS_SECRET, null));
        assertEquals("kd94hf93k423kf44&hdhd0244k9j7ao03", plaintext.sign(PHOTOS_SECRET, "hdhd0244k9j7ao03"));
        OAuth1Request onTheWire = new SignedRequestBuilder("POST", "https://photos.example.net/access_token")
                .oauth("oauth_consumer_key", PHOTOS_CLIENT)
                .oauth("oauth_token", "hh5s93j4hdidpola")
                .oauth("oauth_nonce", "dji430splmx33448")
                .oauth("oauth_timestamp", "1191242092")
                .oauth("oauth_verifier", "hfdp7dh39dks9884")
                .oauth("oauth_version", "1.0")
                .signPlaintext(PHOTOS_SECRET, "hdhd0244k9j7ao03");
        assertTrue(onTheWire.header("Authorization").contains("oauth_signature=\"kd94hf93k423kf44%26hdhd0244k9j7ao03\""));
        assertTrue(plaintext.verify("ignored", onTheWire.signature(), TestClient.withSecret(PHOTOS_CLIENT, PHOTOS_SECRET),
                "hdhd0244k9j7ao03"));
    }

    @ParameterizedTest
    @CsvSource({
        "bs, cs, '', egQqG5AJep5sJ7anhXju1unge2I=",
        "bs, cs, ts, VZVjXceV7JgPq/dOTnNmEfO0Fv8="
    })
    void wikiHmacSha1(String baseString, String clientSecret, String tokenSecret, String expected) {
        assertEquals(expected, hmacSha1(baseString, clientSecret, tokenSecret));
        assertTrue(HmacSignatureMethod.HMAC_SHA1.verify(baseString, expected,
                TestClient.withSecret("c", clientSecret), tokenSecret));
    }

    @Test
    void wikiPlaintext() {
        assertEquals("cs&", PlaintextSignatureMethod.PLAINTEXT.sign("cs", ""));
        assertEquals("cs&ts", PlaintextSignatureMethod.PLAINTEXT.sign("cs", "ts"));
    }

    private static final String RSA_BASE_STRING = "GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacaction.jpg"
            + "%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3D13917289812797014437%26oauth_signature_method"
            + "%3DRSA-SHA1%26oauth_timestamp%3D1196666512%26oauth_version%3D1.0%26size%3Doriginal";
    private static final String RSA_SIGNATURE = "jvTp/wX1TYtByB1m+Pbyo0lnCOLIsyGCH7wke8AUs3BpnwZJtAuEJkvQL2/9n4s5wUmUl4"
            + "aCI4BwpraNx4RtEXMe5qg5T1LVTGliMRpKasKsW//e+RinhejgCuzoH26dyF8iY2ZZ/5D1ilgeijhV/vBka5twt399mXwaYdCwFYE=";

    @Test
    void wikiRsaSha1BaseString() throws OAuth1Error {
        assertEquals(RSA_BASE_STRING, new SignedRequestBuilder("GET",
                "http://photos.example.net/photos?file=vacaction.jpg&size=original")
                .oauth("oauth_consumer_key", PHOTOS_CLIENT)
                .oauth("oauth_nonce", "13917289812797014437")
                .oauth("oauth_signature_method", "RSA-SHA1")
                .oauth("oauth_timestamp", "1196666512")
                .oauth("oauth_version", "1.0")
                .baseString());
    }

    @Test
    void wikiRsaSha1VerifiesWithThePublicKey() {
        OAuth1Client client = new TestClient(PHOTOS_CLIENT, null, Vectors.RSA_PUBLIC_KEY, null, List.of());
        RsaSignatureMethod legacy = RsaSignatureMethod.RSA_SHA1.withMinimumKeySize(1024); // the published key's size
        assertTrue(legacy.verify(RSA_BASE_STRING, RSA_SIGNATURE, client, null));
        assertFalse(legacy.verify(RSA_BASE_STRING.replace("vacaction", "vacation"), RSA_SIGNATURE, client, null));
        assertFalse(RsaSignatureMethod.RSA_SHA256.withMinimumKeySize(1024).verify(RSA_BASE_STRING, RSA_SIGNATURE, client, null));
    }

    @Test
    void wikiRsaSha1SignsWithThePrivateKey() throws GeneralSecurityException {
        assertEquals(RSA_SIGNATURE,
                RsaSignatureMethod.RSA_SHA1.sign(RSA_BASE_STRING, RsaKeys.privateKey(Vectors.RSA_PRIVATE_KEY)));
    }

    @Test
    void twitterExample() throws OAuth1Error {
        OAuth1Request signed = TwitterExample.request().location(ParameterLocation.AUTHORIZATION_HEADER)
                .signHmac(TwitterExample.CLIENT_SECRET, TwitterExample.TOKEN_SECRET);
        assertEquals(TwitterExample.SIGNATURE, signed.signature());
    }

    @Test
    void authlibClientVectors() throws OAuth1Error {
        SignedRequestBuilder request = new SignedRequestBuilder("POST", "https://i.b")
                .oauth("oauth_consumer_key", "foo")
                .oauth("oauth_nonce", "abc")
                .oauth("oauth_timestamp", "123")
                .oauth("oauth_version", "1.0");
        assertEquals("h2sRqLArjhlc5p3FTkuNogVHlKE=", request.signHmac(null, null).signature());
        assertEquals("&", request.signPlaintext(null, null).signature());
        SignedRequestBuilder cjk = new SignedRequestBuilder("POST", "https://i.b?cjk=%E5%95%A6%E5%95%A6")
                .oauth("oauth_consumer_key", "foo")
                .oauth("oauth_nonce", "abc")
                .oauth("oauth_timestamp", "123")
                .oauth("oauth_version", "1.0");
        assertEquals("W0haoue5IZAZoaJiYCtfqwMf8x8=", cjk.signHmac(null, null).signature());
    }
}
