package dev.tollgate.oauth2;

import static dev.tollgate.common.JsonSupport.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/**
 * Proof Key for Code Exchange (RFC 7636) as an extension of the authorization code grant (Authlib's
 * {@code CodeChallenge}): the challenge is checked at the authorization endpoint and kept with the code, the
 * verifier is checked at the token endpoint. Required of public clients, and of all clients if the settings
 * say so; {@code plain} only if enabled.
 */
public final class CodeChallenge implements GrantExtension {

    public static final String CODE_CHALLENGE = "code_challenge";
    public static final String CODE_CHALLENGE_METHOD = "code_challenge_method";

    private final PkceSettings settings;

    public CodeChallenge(PkceSettings settings) {
        this.settings = settings;
    }

    @Override
    public AuthorizationRequest validateAuthorizationRequest(AuthorizationRequest request, OAuth2Request http) {
        String challenge = http.param(CODE_CHALLENGE);
        String method = http.param(CODE_CHALLENGE_METHOD);
        if (challenge == null) {
            if (method != null) {
                throw OAuth2Error.invalidRequest("Missing code_challenge.");
            }
            if (request.client().isPublic() || settings.requiredForAllClients()) {
                throw OAuth2Error.invalidRequest("PKCE is required: missing code_challenge."); // RFC 7636 §4.4.1
            }
            return request;
        }
        if (!Pkce.isWellFormed(challenge)) {
            throw OAuth2Error.invalidRequest("Malformed code_challenge.");
        }
        String effectiveMethod = method == null ? Pkce.PLAIN : method; // RFC 7636 §4.3: defaults to plain
        boolean supported = Pkce.S256.equals(effectiveMethod)
                || (Pkce.PLAIN.equals(effectiveMethod) && settings.plainAllowed());
        if (!supported) {
            throw OAuth2Error.invalidRequest("Unsupported code_challenge_method."); // RFC 7636 §4.4.1
        }
        return request.withAttribute(CODE_CHALLENGE, challenge).withAttribute(CODE_CHALLENGE_METHOD, effectiveMethod);
    }

    // RFC 7636 §4.6; RFC 9700 §2.1.1: a verifier without a challenge is a downgrade and is refused too.
    @Override
    public TokenContext validateTokenRequest(TokenRequest request, TokenContext context) {
        String verifier = request.form("code_verifier");
        String challenge = context.attribute(CODE_CHALLENGE);
        if (challenge == null) {
            if (request.client().isPublic() || settings.requiredForAllClients()) {
                // a code without the challenge its authorization required, e.g. stored before this extension
                throw OAuth2Error.invalidGrant("The code has no code_challenge, which this client requires.");
            }
            if (verifier != null) {
                throw OAuth2Error.invalidGrant("A code_verifier was sent, but the authorization had no code_challenge.");
            }
            return context;
        }
        if (verifier == null) {
            throw OAuth2Error.invalidGrant("Missing code_verifier.");
        }
        if (!Pkce.isWellFormed(verifier)
                || !Pkce.verify(verifier, challenge, context.attribute(CODE_CHALLENGE_METHOD))) {
            throw OAuth2Error.invalidGrant("The code_verifier does not match the code_challenge.");
        }
        return context;
    }

    @Override
    public void describe(JsonObjectBuilder metadata) {
        JsonArrayBuilder methods = JSON.createArrayBuilder().add(Pkce.S256);
        metadata.add("code_challenge_methods_supported", settings.plainAllowed() ? methods.add(Pkce.PLAIN) : methods);
    }
}
