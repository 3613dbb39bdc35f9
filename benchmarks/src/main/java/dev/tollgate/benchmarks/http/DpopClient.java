package dev.tollgate.benchmarks.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.common.Secrets;
import dev.tollgate.dpop.DpopProofValidator;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;

/**
 * A DPoP client (RFC 9449) of the example: one ES256 key, a fresh proof for every request, as a real client makes
 * them; the cost of signing is part of what the load run measures, as it would be for that client.
 */
final class DpopClient {

    private final ExampleClient client;
    private final ECKey key;
    private final ECDSASigner signer;

    DpopClient(ExampleClient client) throws JOSEException {
        this.client = client;
        this.key = new ECKeyGenerator(Curve.P_256).generate();
        this.signer = new ECDSASigner(key);
    }

    /** A DPoP-bound access token of demo-client, by client_credentials. */
    String boundToken(String scope) throws Exception {
        URI token = client.uri("/oauth2/token");
        HttpResponse<String> response = client.http().send(HttpRequest.newBuilder(token)
                .header("Authorization", ExampleClient.basic("demo-client", "demo-secret"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("DPoP", proof("POST", token, null))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !"DPoP".equals(ExampleClient.json(response).getString("token_type"))) {
            throw new IllegalStateException("No DPoP-bound token: " + response.statusCode() + " " + response.body());
        }
        return ExampleClient.json(response).getString("access_token");
    }

    /** {@code GET} a protected path with the token and a fresh proof; whether the answer was 200. */
    boolean get(String path, String accessToken) throws Exception {
        URI uri = client.uri(path);
        return client.http().send(HttpRequest.newBuilder(uri).header("Authorization", "DPoP " + accessToken)
                .header("DPoP", proof("GET", uri, accessToken)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode() == 200;
    }

    private String proof(String method, URI uri, String accessToken) throws JOSEException, NoSuchAlgorithmException {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().jwtID(Secrets.randomToken(16)).claim("htm", method)
                .claim("htu", uri.toString()).issueTime(new Date());
        if (accessToken != null) {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            claims.claim("ath", Base64URL.encode(hash).toString());
        }
        SignedJWT proof = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(DpopProofValidator.TYPE)
                .jwk(key.toPublicJWK()).build(), claims.build());
        proof.sign(signer);
        return proof.serialize();
    }
}
