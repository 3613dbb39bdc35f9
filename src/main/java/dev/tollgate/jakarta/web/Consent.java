package dev.tollgate.jakarta.web;

import java.util.Map;
import java.util.Set;

/**
 * What a consent page shows and posts back, the same for OAuth 2.0 and OAuth 1.0a.
 *
 * @param clientId      the client's id
 * @param clientName    its registered name (marked unverified for a client that registered itself), or its id
 * @param scopes        what it asks for: OAuth 2.0 scopes, none for OAuth 1.0a
 * @param returnsTo     the host the browser returns to, or {@code null} when the user is shown a code instead
 * @param username      the signed-in resource owner
 * @param action        where the form posts
 * @param fields        hidden fields the form must post, such as the CSRF token
 * @param decisionField the name of the Allow ({@code true}) / Deny field: {@code confirm} or {@code granted}
 */
public record Consent(String clientId, String clientName, Set<String> scopes, String returnsTo, String username,
                      String action, Map<String, String> fields, String decisionField) {

    public Consent {
        scopes = Set.copyOf(scopes);
        fields = Map.copyOf(fields);
    }
}
