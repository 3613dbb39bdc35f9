package dev.tollgate.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Verifiers of the keys a {@link SigningKeys} publishes, by {@code kid}, made once for each set of published keys:
 * making one rebuilds the public key from its JWK (for RSA, the modulus from base64), which no verification needs to
 * repeat. The published keys are read on every call, so that a key no longer published verifies nothing from then
 * on, and another set (a rotation, another key under a known {@code kid}) is given new verifiers. Nimbus' verifiers
 * are thread-safe.
 */
final class PublishedVerifiers {

    private static final DefaultJWSVerifierFactory FACTORY = new DefaultJWSVerifierFactory();

    private final SigningKeys keys;
    private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of());

    PublishedVerifiers(SigningKeys keys) {
        this.keys = keys;
    }

    /** The verifier of the published key with this {@code kid}, if that key is asymmetric and of this algorithm. */
    Optional<JWSVerifier> verifier(String kid, JWSAlgorithm algorithm) {
        KeyVerifier key = current().byKid().get(kid);
        return key == null || !algorithm.equals(key.algorithm()) ? Optional.empty() : Optional.of(key.verifier());
    }

    private Snapshot current() {
        List<JWK> published = keys.publicKeys().getKeys();
        Snapshot current = snapshot;
        if (!current.keys().equals(published)) {
            current = Snapshot.of(published);
            snapshot = current;
        }
        return current;
    }

    private record KeyVerifier(JWSAlgorithm algorithm, JWSVerifier verifier) {
    }

    private record Snapshot(List<JWK> keys, Map<String, KeyVerifier> byKid) {

        // the first key of a kid, as JWKSet.getKeyByKeyId finds it; one without alg, or not asymmetric, verifies nothing
        static Snapshot of(List<JWK> keys) {
            Map<String, JWK> firstByKid = keys.stream().filter(key -> key.getKeyID() != null)
                    .collect(Collectors.toMap(JWK::getKeyID, key -> key, (first, next) -> first));
            Map<String, KeyVerifier> byKid = new HashMap<>();
            firstByKid.forEach((kid, key) -> {
                if (key.getAlgorithm() != null && key instanceof AsymmetricJWK asymmetric) {
                    JWSAlgorithm algorithm = JWSAlgorithm.parse(key.getAlgorithm().getName());
                    try {
                        byKid.put(kid, new KeyVerifier(algorithm,
                                FACTORY.createJWSVerifier(new JWSHeader(algorithm), asymmetric.toPublicKey())));
                    } catch (JOSEException e) {
                        // not a signature algorithm of its key's type: the key verifies nothing
                    }
                }
            });
            return new Snapshot(List.copyOf(keys), Map.copyOf(byKid));
        }
    }
}
