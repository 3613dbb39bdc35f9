package dev.tollgate.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.tollgate.oauth2.ClientStore;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Request;
import java.util.List;

/**
 * RP-initiated logout (RP-Initiated Logout 1.0): which client asks, for whom, and where the user may be sent
 * back, only ever an address registered for that client (§3).
 */
final class EndSession {

    private final IdTokenHints hints;
    private final SubjectTypes subjects;
    private final ClientStore clients;

    EndSession(IdTokenHints hints, SubjectTypes subjects, ClientStore clients) {
        this.hints = hints;
        this.subjects = subjects;
        this.clients = clients;
    }

    /** See {@link OpenIdProvider#validateLogoutRequest}. */
    LogoutRequest validate(OAuth2Request request) {
        String hint = request.param("id_token_hint");
        String clientId = request.param("client_id");
        String hintSubject = null;
        if (hint != null) {
            JWTClaimsSet claims = hints.verify(hint); // §2: an expired one is still accepted
            if (claims.getAudience().size() != 1) {
                throw OAuth2Error.invalidRequest("The id_token_hint was not issued here.");
            }
            String audience = claims.getAudience().get(0);
            if (clientId != null && !clientId.equals(audience)) {
                throw OAuth2Error.invalidRequest("The client_id is not the id_token_hint's audience.");
            }
            clientId = audience;
            hintSubject = claims.getSubject();
        }
        OAuth2Client client = clientId == null || clientId.length() > 255 ? null : clients.find(clientId).orElse(null);
        String requested = request.param("post_logout_redirect_uri");
        // §3: exact match with a URI registered for this client, or no redirect at all
        String redirectUri = client != null && requested != null
                && new OpenIdClient(client).postLogoutRedirectUris().contains(requested) ? requested : null;
        String locales = request.param("ui_locales");
        List<String> uiLocales = locales == null || locales.length() > AuthenticationRequestValidator.MAX_LOCALES
                ? List.of() : List.of(locales.trim().split(" +"));
        return new LogoutRequest(client, hintSubject, redirectUri, request.param("state"), uiLocales);
    }

    /** Whether a logout request's {@code id_token_hint} names this local subject. */
    boolean isHintFor(LogoutRequest logout, String subject) {
        return logout.hintSubject() != null && logout.client() != null
                && logout.hintSubject().equals(subjects.subjectFor(logout.client(), subject));
    }
}
