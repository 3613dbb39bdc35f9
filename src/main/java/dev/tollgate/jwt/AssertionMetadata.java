package dev.tollgate.jwt;

import static dev.tollgate.common.JsonSupport.JSON;

import com.nimbusds.jose.JWSAlgorithm;
import dev.tollgate.oauth2.GrantExtension;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Describes the JWT client authentication methods in the server metadata: {@code
 * token_endpoint_auth_signing_alg_values_supported} (RFC 8414 §2, OpenID Connect Discovery §3), the algorithms of
 * the methods registered. A grant extension that only describes, since a client authentication method has no
 * metadata of its own: register it on every grant with {@code builder.extension(AssertionMetadata.of(methods))}.
 */
public final class AssertionMetadata implements GrantExtension {

    private final Set<String> algorithms;

    public AssertionMetadata(Collection<JWSAlgorithm> algorithms) {
        Set<String> names = new TreeSet<>();
        algorithms.forEach(algorithm -> names.add(algorithm.getName()));
        this.algorithms = Set.copyOf(names);
    }

    /** The algorithms of the given methods. */
    public static AssertionMetadata of(JwtClientAuthentication... methods) {
        return new AssertionMetadata(Arrays.stream(methods).flatMap(method -> method.algorithms().stream()).toList());
    }

    @Override
    public void describe(JsonObjectBuilder metadata) {
        JsonArrayBuilder values = JSON.createArrayBuilder();
        new TreeSet<>(algorithms).forEach(values::add);
        metadata.add("token_endpoint_auth_signing_alg_values_supported", values);
    }
}
