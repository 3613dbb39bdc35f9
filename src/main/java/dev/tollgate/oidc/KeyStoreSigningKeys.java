package dev.tollgate.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
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
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signing keys read once from a PKCS#12 key store that the application names: each private key entry is a
 * key whose {@code kid} is its alias, an RSA key signing with RS256 (or PS256 when only that is offered), a
 * P-256 key with ES256; for each algorithm the first alias in alphabetical order signs. Rotation is the
 * operator's: add the new key under an alias that sorts last once relying parties have cached it.
 */
public final class KeyStoreSigningKeys implements SigningKeys {

    private final Map<JWSAlgorithm, JWK> signers;
    private final JWKSet publicKeys;
    private final Duration jwkSetMaxAge;

    private KeyStoreSigningKeys(Map<JWSAlgorithm, JWK> signers, JWKSet publicKeys, Duration jwkSetMaxAge) {
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
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                JWK loaded = JWK.load(store, alias, password);
                JWSAlgorithm algorithm = algorithmOf(loaded, algorithms);
                if (algorithm == null) {
                    continue;
                }
                JWK key = withId(loaded, alias, algorithm);
                signers.putIfAbsent(algorithm, key);
                published.add(key.toPublicJWK());
            }
            if (signers.isEmpty()) {
                throw new IllegalStateException("No RSA or P-256 private key for " + algorithms + " in " + file);
            }
            return new KeyStoreSigningKeys(signers, new JWKSet(published), jwkSetMaxAge);
        } catch (IOException | GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("Cannot read the signing key store " + file, e);
        }
    }

    private static JWSAlgorithm algorithmOf(JWK key, List<JWSAlgorithm> algorithms) {
        return algorithms.stream()
                .filter(algorithm -> key instanceof RSAKey
                        ? JWSAlgorithm.Family.RSA.contains(algorithm)
                        : key instanceof ECKey && JWSAlgorithm.ES256.equals(algorithm))
                .findFirst().orElse(null);
    }

    private static JWK withId(JWK key, String alias, JWSAlgorithm algorithm) {
        if (key instanceof RSAKey rsa) {
            return new RSAKey.Builder(rsa).keyID(alias).algorithm(algorithm).keyUse(KeyUse.SIGNATURE).build();
        }
        return new ECKey.Builder((ECKey) key).keyID(alias).algorithm(algorithm).keyUse(KeyUse.SIGNATURE).build();
    }

    @Override
    public List<JWSAlgorithm> algorithms() {
        return List.copyOf(signers.keySet());
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
