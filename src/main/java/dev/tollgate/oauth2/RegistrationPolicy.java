package dev.tollgate.oauth2;

import java.util.Set;
import java.util.TreeSet;

/**
 * What a client may register for itself at the registration endpoint (RFC 7591 §3). By default no grant that
 * RFC 9700 rules out (password, §2.4; implicit, §2.1.2) and no JWT bearer grant; never a public client with a grant that sends the
 * user's credentials; any supported scope. Narrow or widen it with the {@code with} methods.
 *
 * @param forbiddenGrantTypes grant types a registration may not ask for
 * @param allowedScopes       the scopes a registration may ask for, or {@code null} for every supported one
 */
public record RegistrationPolicy(Set<String> forbiddenGrantTypes, Set<String> allowedScopes) {

    /** The JWT bearer grant type (RFC 7523 §2.1), served by {@code dev.tollgate.jwt.JwtBearerGrant}. */
    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    /**
     * No password, no implicit grant, and no JWT bearer grant (RFC 7523 §2.1), with which a client whose keys
     * are trusted speaks for any user: nobody vouches for a client that registered itself. Any supported scope.
     */
    public static final RegistrationPolicy DEFAULT = new RegistrationPolicy(
            Set.of(PasswordGrant.GRANT_TYPE, ImplicitGrant.GRANT_TYPE, JWT_BEARER), null);

    public RegistrationPolicy {
        forbiddenGrantTypes = Set.copyOf(forbiddenGrantTypes);
        allowedScopes = allowedScopes == null ? null : Set.copyOf(allowedScopes);
    }

    /** This policy forbidding these grant types instead, e.g. adding {@code client_credentials}. */
    public RegistrationPolicy withForbiddenGrantTypes(Set<String> grantTypes) {
        return new RegistrationPolicy(grantTypes, allowedScopes);
    }

    /** This policy allowing these scopes only. */
    public RegistrationPolicy withAllowedScopes(Set<String> scopes) {
        return new RegistrationPolicy(forbiddenGrantTypes, scopes);
    }

    /** The scope of a registration that names none: the supported scopes this policy allows. */
    Set<String> defaultScope(Set<String> supported) {
        Set<String> scope = new TreeSet<>(supported);
        if (allowedScopes != null) {
            scope.retainAll(allowedScopes);
        }
        return scope;
    }

    /**
     * Refuses what this policy does not allow.
     *
     * @throws OAuth2Error {@code invalid_client_metadata}
     */
    void check(ClientMetadata metadata, Capabilities capabilities) {
        for (String grantType : metadata.grantTypes()) {
            if (forbiddenGrantTypes.contains(grantType)) {
                throw OAuth2Error.invalidClientMetadata("The grant type '" + grantType + "' cannot be registered here.");
            }
        }
        // RFC 9700 §2.4: a grant that sends the user's password needs a client that proves who it is
        boolean confidential = capabilities.clientAuthentication().methodNames(true)
                .contains(metadata.tokenEndpointAuthMethod());
        if (!confidential && metadata.grantTypes().contains(PasswordGrant.GRANT_TYPE)) {
            throw OAuth2Error.invalidClientMetadata("A public client cannot use the password grant.");
        }
        if (allowedScopes != null && !allowedScopes.containsAll(Scope.parse(metadata.scope()))) {
            throw OAuth2Error.invalidClientMetadata("The scope cannot be registered here.");
        }
    }
}
