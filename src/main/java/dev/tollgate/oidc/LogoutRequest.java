package dev.tollgate.oidc;

import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.OAuth2Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated RP-initiated logout request (RP-Initiated Logout 1.0 §2): the application ends the session
 * and, when {@link #canRedirect()}, sends the user to {@link #redirect()}; otherwise it asks the user to confirm
 * and shows its own page.
 *
 * @param client                the client that asked, from {@code id_token_hint} or {@code client_id}, or
 *                              {@code null}
 * @param hintSubject           the local subject the valid {@code id_token_hint} names, or {@code null}
 * @param postLogoutRedirectUri the requested URI when it is registered for the client, else {@code null}
 * @param state                 the client's {@code state}, or {@code null}
 * @param uiLocales             the preferred languages of the pages
 */
public record LogoutRequest(OAuth2Client client, String hintSubject, String postLogoutRedirectUri, String state,
                            List<String> uiLocales) {

    public LogoutRequest {
        uiLocales = List.copyOf(uiLocales);
    }

    /**
     * Whether the user may be logged out and sent back without asking: a valid {@code id_token_hint} and a
     * registered {@code post_logout_redirect_uri} (§2: without the hint, the OP asks the user).
     */
    public boolean canRedirect() {
        return hintSubject != null && postLogoutRedirectUri != null;
    }

    /**
     * The 303 to the client's post-logout URI with {@code state} (§3), or {@code null} if there is no
     * registered one.
     */
    public OAuth2Response redirect() {
        if (postLogoutRedirectUri == null) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("state", state);
        String query = FormUrlEncoding.format(parameters);
        String separator = postLogoutRedirectUri.indexOf('?') >= 0 ? "&" : "?";
        return OAuth2Response.redirect(query.isEmpty() ? postLogoutRedirectUri
                : postLogoutRedirectUri + separator + query);
    }
}
