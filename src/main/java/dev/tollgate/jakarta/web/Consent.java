package dev.tollgate.jakarta.web;

import dev.tollgate.oauth2.AuthorizationRequest;
import java.util.Map;

/**
 * What a consent page shows and posts back.
 *
 * @param request  the validated authorization request: its client, scope and redirect URI
 * @param username the signed-in resource owner
 * @param action   where the form posts: the authorization endpoint with the request's query
 * @param fields   hidden fields the form must post, such as the CSRF token
 */
public record Consent(AuthorizationRequest request, String username, String action, Map<String, String> fields) {

    public Consent {
        fields = Map.copyOf(fields);
    }
}
