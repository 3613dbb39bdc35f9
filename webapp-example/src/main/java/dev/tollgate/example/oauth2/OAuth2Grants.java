package dev.tollgate.example.oauth2;

import dev.tollgate.example.web.Grant;
import dev.tollgate.example.web.GrantSource;
import dev.tollgate.jakarta.oauth2.AuthorizationServer;
import dev.tollgate.jakarta.oauth2.JpaOAuth2ClientStore;
import dev.tollgate.jakarta.oauth2.JpaTokenStore;
import dev.tollgate.jakarta.oauth2.OAuth2TokenEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OAuth 2.0 clients a user authorized: one entry per client holding live tokens of theirs. */
@ApplicationScoped
public class OAuth2Grants implements GrantSource {

    @Inject
    JpaTokenStore tokens;

    @Inject
    JpaOAuth2ClientStore clients;

    @Inject
    AuthorizationServer server;

    @Override
    public String protocol() {
        return "OAuth 2.0";
    }

    @Override
    public List<Grant> grants(String user) {
        Map<String, List<OAuth2TokenEntity>> byClient = new LinkedHashMap<>();
        for (OAuth2TokenEntity token : tokens.findActiveByUser(user)) { // newest first
            byClient.computeIfAbsent(token.getClientId(), id -> new ArrayList<>()).add(token);
        }
        List<Grant> grants = new ArrayList<>();
        byClient.forEach((clientId, held) -> grants.add(new Grant(protocol(), clientId,
                clients.findEntity(clientId).map(OAuth2AuthorizeServlet::nameOf).orElse(clientId),
                held.get(0).getIssuedAt().toEpochMilli(),
                (held.size() == 1 ? "1 token" : held.size() + " tokens") + ", scope " + held.get(0).getScope())));
        return grants;
    }

    /** Through the server: live tokens and unredeemed codes alike, each grant reported revoked. */
    @Override
    public boolean revoke(String user, String clientId) {
        return server.revokeAuthorization(user, clientId);
    }
}
