package dev.tollgate.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signing keys read once from a PKCS#12 key store that the application names: each private key entry is a
 * key whose {@code kid} is its alias, an RSA key signing with RS256 (or PS256 when only that is offered), a
 * P-256 key with ES256; for each algorithm the alias that sorts first signs, the others are published only.
 * Rotation is the operator's: add the new key under an alias that sorts after the signing one, and once relying
 * parties have cached the set, remove the old key (or give the new one an alias that sorts first).
 */
public final class KeyStoreSigningKeys implements SigningKeys {

    private final List<JWSAlgorithm> algorithms;
    private final Map<JWSAlgorithm, JWK> signers;
    private final JWKSet publicKeys;
    private final Duration jwkSetMaxAge;

    private KeyStoreSigningKeys(List<JWSAlgorithm> algorithms, Map<JWSAlgorithm, JWK> signers, JWKSet publicKeys,
                                Duration jwkSetMaxAge) {
        this.algorithms = List.copyOf(algorithms);
        this.signers = signers;
        this.publicKeys = publicKeys;
        this.jwkSetMaxAge = jwkSetMaxAge;
    }

    /**
     * Reads a PKCS#12 file.
     *
     * @param algorithms the algorithms to offer, in order of preference: RSA keys sign with the first RSA one
     * @throws IllegalStateException if it cannot be read, or holds no usable key
     */
    public static KeyStoreSigningKeys load(Path file, char[] password, List<JWSAlgorithm> algorithms,
                                           Duration jwkSetMaxAge) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            List<String> aliases = new ArrayList<>(Collections.list(store.aliases()));
            Collections.sort(aliases);
            Map<JWSAlgorithm, JWK> signers = new LinkedHashMap<>();
            List<JWK> published = new ArrayList<>();
            for (String alias : aliases) {
                JWK key = store.isKeyEntry(alias) ? keyOf(store, alias, password, algorithms) : null;
                if (key != null) {
                    signers.putIfAbsent((JWSAlgorithm) key.getAlgorithm(), key);
                    published.add(key.toPublicJWK());
                }
            }
            if (signers.isEmpty()) {
                throw new IllegalStateException("No RSA or P-256 private key for " + algorithms + " in " + file);
            }
            List<JWSAlgorithm> offered = algorithms.stream().filter(signers::containsKey).toList(); // default first
            return new KeyStoreSigningKeys(offered, signers, new JWKSet(published), jwkSetMaxAge);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the signing key store " + file, e);
        }
    }

    // Built from the JCA key pair: Nimbus's JWK.load needs BouncyCastle for EC keys. RSA keys sign with the first RSA
    // algorithm offered, P-256 keys with ES256; other keys are not used.
    private static JWK keyOf(KeyStore store, String alias, char[] password, List<JWSAlgorithm> algorithms)
            throws GeneralSecurityException {
        Key key = store.getKey(alias, password);
        Certificate certificate = store.getCertificate(alias);
        PublicKey publicKey = certificate == null ? null : certificate.getPublicKey();
        if (key instanceof RSAPrivateKey rsa && publicKey instanceof RSAPublicKey rsaPublic) {
            JWSAlgorithm algorithm = algorithms.stream().filter(JWSAlgorithm.Family.RSA::contains).findFirst()
                    .orElse(null);
            return algorithm == null ? null : new RSAKey.Builder(rsaPublic).privateKey(rsa).keyID(alias)
                    .algorithm(algorithm).keyUse(KeyUse.SIGNATURE).build();
        }
        if (key instanceof ECPrivateKey ec && publicKey instanceof ECPublicKey ecPublic
                && Curve.P_256.equals(Curve.forECParameterSpec(ecPublic.getParams()))
                && algorithms.contains(JWSAlgorithm.ES256)) {
            return new ECKey.Builder(Curve.P_256, ecPublic).privateKey(ec).keyID(alias).algorithm(JWSAlgorithm.ES256)
                    .keyUse(KeyUse.SIGNATURE).build();
        }
        return null;
    }

    @Override
    public List<JWSAlgorithm> algorithms() {
        return algorithms;
    }

    @Override
    public JWK signingKey(JWSAlgorithm algorithm) {
        JWK key = signers.get(algorithm);
        if (key == null) {
            throw new IllegalArgumentException("Not offered: " + algorithm);
        }
        return key;
    }

    @Override
    public JWKSet publicKeys() {
        return publicKeys;
    }

    @Override
    public Duration jwkSetMaxAge() {
        return jwkSetMaxAge;
    }
}
