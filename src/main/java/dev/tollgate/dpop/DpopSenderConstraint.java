package dev.tollgate.dpop;

import dev.tollgate.common.Secrets;
import dev.tollgate.oauth2.BearerChallenge;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.OAuth2Token;
import dev.tollgate.oauth2.SenderConstraint;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * DPoP at a protected resource (RFC 9449 §7): {@code Authorization: DPoP <token>} with one {@code DPoP} proof for the
 * request's method and URI whose {@code ath} is the token's hash and whose key is the one the token is bound to.
 * Every failure is 401 with a {@code WWW-Authenticate: DPoP} challenge naming the accepted algorithms
 * ({@code invalid_token} for a token that is not bound, {@code invalid_dpop_proof} for the proof). No nonce is
 * demanded here.
 */
public final class DpopSenderConstraint implements SenderConstraint {

    private final DpopProofValidator validator;
    private final String algorithms;

    public DpopSenderConstraint(DpopProofValidator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.algorithms = validator.settings().algorithms().stream().map(Object::toString)
                .collect(Collectors.joining(" "));
    }

    @Override
    public String scheme() {
        return Dpop.TOKEN_TYPE;
    }

    @Override
    public void verify(OAuth2Request request, String accessToken, OAuth2Token token) {
        String bound = token.getAttributes().get(OAuth2Token.JWK_THUMBPRINT);
        if (bound == null) {
            throw new OAuth2Error(OAuth2Error.INVALID_TOKEN, "The access token is not DPoP-bound.", 401);
        }
        List<String> proofs = request.headers("DPoP");
        if (proofs.size() != 1) {
            throw invalid("Send one DPoP proof with the request.");
        }
        String proved;
        try {
            proved = validator.validate(proofs.get(0), request.method(), List.of(request.uri()), accessToken, false);
        } catch (OAuth2Error e) {
            throw invalid(e.description());
        }
        if (!Secrets.constantTimeEquals(bound, proved)) {
            throw invalid("The DPoP proof is signed by another key than the one the access token is bound to.");
        }
    }

    @Override
    public String challenge(String realm, String error, String description) {
        return BearerChallenge.of(scheme(), realm, error, description, "algs", algorithms);
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error(DpopProofValidator.INVALID_DPOP_PROOF, description, 401);
    }
}
