package dev.tollgate.oauth1;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The signature methods a server knows, by name. Immutable: {@link #with} returns a new registry.
 * Which of them a server accepts is {@link OAuth1Settings#signatureMethods()}.
 */
public final class SignatureMethods {

    private final Map<String, SignatureMethod> byName;

    private SignatureMethods(Map<String, SignatureMethod> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** HMAC-SHA1, RSA-SHA1, PLAINTEXT (RFC 5849 §3.4), HMAC-SHA256 and RSA-SHA256. */
    public static SignatureMethods standard() {
        return new SignatureMethods(Map.of()).with(HmacSignatureMethod.HMAC_SHA1)
                .with(RsaSignatureMethod.RSA_SHA1)
                .with(PlaintextSignatureMethod.PLAINTEXT)
                .with(HmacSignatureMethod.HMAC_SHA256)
                .with(RsaSignatureMethod.RSA_SHA256);
    }

    /** A registry with {@code method} added, replacing any method of the same name. */
    public SignatureMethods with(SignatureMethod method) {
        Map<String, SignatureMethod> copy = new LinkedHashMap<>(byName);
        copy.put(method.name(), method);
        return new SignatureMethods(copy);
    }

    /** The method registered under {@code name}. */
    public Optional<SignatureMethod> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
