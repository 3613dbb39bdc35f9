package dev.tollgate.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import dev.tollgate.oauth2.ClientAuthenticationMethod;
import dev.tollgate.oauth2.OAuth2Request;
import java.util.List;

/**
 * Client authentication with a JWT assertion (RFC 7523 §2.2, OpenID Connect Core §9): {@link PrivateKeyJwt} and
 * {@link ClientSecretJwt}. Both read the same parameters, so each claims the requests whose assertion is of its
 * kind: an HMAC {@code alg} is {@code client_secret_jwt}'s, every other, {@code none} and an unreadable header
 * included, {@code private_key_jwt}'s. The client is then held to its registered method as always, so an HMAC made
 * with the public key of a {@code private_key_jwt} client is refused by that rule before any key is looked at.
 *
 * <p>A failure is {@code invalid_client} with status 401: the challenge names the method, an authentication scheme
 * of no registry, since no HTTP scheme carries these credentials and RFC 9110 §11.6.1 asks every 401 for one.
 */
public abstract sealed class JwtClientAuthentication implements ClientAuthenticationMethod
        permits PrivateKeyJwt, ClientSecretJwt {

    final ClientAssertions assertions;
    private final List<JWSAlgorithm> algorithms;

    JwtClientAuthentication(AssertionValidator validator, List<JWSAlgorithm> algorithms) {
        this.assertions = new ClientAssertions(validator);
        this.algorithms = List.copyOf(algorithms);
    }

    /** The algorithms this method accepts, for {@code token_endpoint_auth_signing_alg_values_supported}. */
    public List<JWSAlgorithm> algorithms() {
        return algorithms;
    }

    /** Whether an assertion with this {@code alg} ({@code null} if unreadable) is of this method's kind. */
    abstract boolean isOfKind(JWSAlgorithm algorithm);

    /** The form has {@code client_assertion} or {@code client_assertion_type}, and the assertion is of its kind. */
    @Override
    public final boolean isUsedBy(OAuth2Request request) {
        return ClientAssertions.isPresent(request) && isOfKind(ClientAssertions.algorithm(request,
                assertions.validator().settings().maxLength()));
    }

    /** From the assertion's {@code iss} and {@code sub}, before any signature check ({@link ClientAssertions}). */
    @Override
    public final String clientId(OAuth2Request request) {
        return assertions.clientId(request);
    }

    @Override
    public final String challenge(String realm) {
        return name() + " realm=\"" + realm + "\"";
    }
}
