package dev.tollgate.benchmarks;

import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.oauth1.HmacSignatureMethod;
import dev.tollgate.oauth1.OAuth1Client;
import dev.tollgate.oauth1.OAuth1Error;
import dev.tollgate.oauth1.OAuth1Request;
import dev.tollgate.oauth1.PlaintextSignatureMethod;
import dev.tollgate.oauth1.RsaSignatureMethod;
import dev.tollgate.oauth1.SignatureBaseString;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The OAuth 1.0a verification path: reading a signed request, its base string, each signature method.
 * {@link #baselineSha256} hashes the base string once: the other figures read best as multiples of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OAuth1Benchmarks {

    private static final String URI = "https://photos.example.net/photos?file=vacation.jpg&size=original";
    private static final String CLIENT_SECRET = "kd94hf93k423kf44";
    private static final String TOKEN_SECRET = "pfkkdhi9sl3r4s00";

    private String authorization;
    private Map<String, List<String>> headers;
    private OAuth1Request request;
    private String baseString;
    private String hmacSha1;
    private String hmacSha256;
    private String rsaSha1;
    private String rsaSha256;
    private String plaintext;
    private OAuth1Client client;

    @Setup
    public void setUp() throws Exception {
        Map<String, String> oauth = new TreeMap<>(Map.of(
                "oauth_consumer_key", "dpf43f3p2l4k3l03", "oauth_token", "nnch734d00sl2jdk",
                "oauth_signature_method", "HMAC-SHA1", "oauth_timestamp", "137131202", "oauth_nonce", "chapoH",
                "oauth_signature", "MdpQcU8iPSUjWoN/UDMsK2sui9I="));
        StringBuilder header = new StringBuilder("OAuth realm=\"Photos\"");
        oauth.forEach((name, value) -> header.append(", ").append(name).append("=\"")
                .append(FormUrlEncoding.format(List.of(Map.entry("x", value))).substring(2)).append('"'));
        authorization = header.toString();
        headers = Map.of("Authorization", List.of(authorization), "Host", List.of("photos.example.net"));
        request = OAuth1Request.from("GET", URI, headers, null, null);
        baseString = SignatureBaseString.of(request);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        String publicPem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        client = new BenchmarkClient(CLIENT_SECRET, publicPem);
        hmacSha1 = HmacSignatureMethod.HMAC_SHA1.sign(baseString, CLIENT_SECRET, TOKEN_SECRET);
        hmacSha256 = HmacSignatureMethod.HMAC_SHA256.sign(baseString, CLIENT_SECRET, TOKEN_SECRET);
        rsaSha1 = RsaSignatureMethod.RSA_SHA1.sign(baseString, keys.getPrivate());
        rsaSha256 = RsaSignatureMethod.RSA_SHA256.sign(baseString, keys.getPrivate());
        plaintext = PlaintextSignatureMethod.PLAINTEXT.sign(CLIENT_SECRET, TOKEN_SECRET);
    }

    @Benchmark
    public byte[] baselineSha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(baseString.getBytes(StandardCharsets.UTF_8));
    }

    @Benchmark
    public OAuth1Request readSignedRequest() throws OAuth1Error {
        return OAuth1Request.from("GET", URI, headers, null, null);
    }

    @Benchmark
    public String baseString() {
        return SignatureBaseString.of(request);
    }

    @Benchmark
    public boolean verifyHmacSha1() {
        return HmacSignatureMethod.HMAC_SHA1.verify(baseString, hmacSha1, client, TOKEN_SECRET);
    }

    @Benchmark
    public boolean verifyHmacSha256() {
        return HmacSignatureMethod.HMAC_SHA256.verify(baseString, hmacSha256, client, TOKEN_SECRET);
    }

    @Benchmark
    public boolean verifyRsaSha1() {
        return RsaSignatureMethod.RSA_SHA1.verify(baseString, rsaSha1, client, TOKEN_SECRET);
    }

    @Benchmark
    public boolean verifyRsaSha256() {
        return RsaSignatureMethod.RSA_SHA256.verify(baseString, rsaSha256, client, TOKEN_SECRET);
    }

    @Benchmark
    public boolean verifyPlaintext() {
        return PlaintextSignatureMethod.PLAINTEXT.verify(baseString, plaintext, client, TOKEN_SECRET);
    }

    /** A client with a shared secret and an RSA public key. */
    record BenchmarkClient(String secret, String publicKey) implements OAuth1Client {

        @Override
        public String getClientId() {
            return "dpf43f3p2l4k3l03";
        }

        @Override
        public String getClientSecret() {
            return secret;
        }

        @Override
        public String getRsaPublicKey() {
            return publicKey;
        }

        @Override
        public String getDefaultRedirectUri() {
            return null;
        }

        @Override
        public List<String> getRedirectUris() {
            return List.of();
        }
    }
}
