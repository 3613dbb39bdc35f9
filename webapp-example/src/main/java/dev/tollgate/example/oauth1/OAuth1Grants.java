package dev.tollgate.example.oauth1;

import dev.tollgate.example.web.Grant;
import dev.tollgate.example.web.GrantSource;
import dev.tollgate.jakarta.oauth1.JpaOAuth1ClientStore;
import dev.tollgate.jakarta.oauth1.JpaTokenCredentialStore;
import dev.tollgate.jakarta.oauth1.OAuth1TokenCredentialEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OAuth 1.0a clients a user authorized: one entry per client holding token credentials of theirs. */
@ApplicationScoped
public class OAuth1Grants implements GrantSource {

    @Inject
    JpaTokenCredentialStore tokens;

    @Inject
    JpaOAuth1ClientStore clients;

    @Override
    public String protocol() {
        return "OAuth 1.0a";
    }

    @Override
    public List<Grant> grants(String user) {
        Map<String, List<OAuth1TokenCredentialEntity>> byClient = new LinkedHashMap<>();
        for (OAuth1TokenCredentialEntity token : tokens.findByUser(user)) { // newest first
            byClient.computeIfAbsent(token.getClientId(), id -> new ArrayList<>()).add(token);
        }
        List<Grant> grants = new ArrayList<>();
        byClient.forEach((clientId, held) -> grants.add(new Grant(protocol(), clientId,
                clients.findEntity(clientId).map(OAuth1AuthorizeServlet::nameOf).orElse(clientId),
                held.get(0).getCreatedAt(), held.size() == 1 ? "1 token" : held.size() + " tokens")));
        return grants;
    }

    @Override
    public boolean revoke(String user, String clientId) {
        return tokens.revoke(user, clientId) > 0;
    }
}
