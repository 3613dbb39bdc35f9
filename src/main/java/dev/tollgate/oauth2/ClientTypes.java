package dev.tollgate.oauth2;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The grant types and response types a client registers (RFC 7591 §2, §2.1), against what the server serves:
 * the defaults one list implies for the other, and whether the two agree.
 */
final class ClientTypes {

    // RFC 7591 §2: authorization_code implies code, implicit implies token; other grant types their own types
    private static final Map<String, String> DEFAULT_RESPONSE_TYPES = Map.of(
            AuthorizationCodeGrant.GRANT_TYPE, "code", ImplicitGrant.GRANT_TYPE, "token");

    private final Capabilities capabilities;

    ClientTypes(Capabilities capabilities) {
        this.capabilities = capabilities;
    }

    /** The response types a list of grant types implies. */
    List<String> responseTypesFor(List<String> grantTypes) {
        Set<String> types = new TreeSet<>();
        for (String grantType : grantTypes) {
            String standard = DEFAULT_RESPONSE_TYPES.get(grantType);
            if (standard != null && capabilities.authorizationGrant(standard) != null) {
                types.add(standard);
            } else {
                types.addAll(responseTypesOf(grantType));
            }
        }
        return List.copyOf(types);
    }

    /** The grant type a response type implies; itself if it is not served, for {@link #check} to refuse. */
    String grantTypeOf(String responseType) {
        AuthorizationGrant grant = capabilities.authorizationGrant(responseType);
        return grant == null ? responseType : grant.grantType();
    }

    /**
     * Refuses types the server does not serve, and lists that disagree: each response type's grant type must be
     * registered, and each grant type of the authorization endpoint must have one of its response types.
     *
     * @throws OAuth2Error {@code invalid_client_metadata}
     */
    void check(List<String> grantTypes, List<String> responseTypes) {
        for (String grantType : grantTypes) {
            if (!capabilities.grantTypes().contains(grantType)) {
                throw OAuth2Error.invalidClientMetadata("Unsupported grant type '" + grantType + "'.");
            }
        }
        for (String responseType : responseTypes) {
            AuthorizationGrant grant = capabilities.authorizationGrant(responseType);
            if (grant == null) {
                throw OAuth2Error.invalidClientMetadata("Unsupported response type '" + responseType + "'.");
            }
            if (!grantTypes.contains(grant.grantType())) {
                throw OAuth2Error.invalidClientMetadata("response_types and grant_types do not agree.");
            }
        }
        for (String grantType : grantTypes) {
            List<String> own = responseTypesOf(grantType);
            if (!own.isEmpty() && own.stream().noneMatch(type -> responseTypes.stream()
                    .anyMatch(registered -> ResponseType.parse(type).matches(registered)))) {
                throw OAuth2Error.invalidClientMetadata("response_types and grant_types do not agree.");
            }
        }
    }

    private List<String> responseTypesOf(String grantType) {
        return capabilities.authorizationGrants().stream()
                .filter(grant -> grant.grantType().equals(grantType))
                .map(grant -> grant.responseType().toString())
                .toList();
    }
}
