package dev.tollgate.oauth2;

import java.util.Objects;
import java.util.Set;

/**
 * The resource owner password credentials grant (RFC 6749 §4.3). RFC 9700 §2.4 says it MUST NOT be
 * used; it is registered only when {@link OAuth2Settings#passwordGrantEnabled()} and used only by
 * clients registered for {@code password}.
 */
public final class PasswordGrant implements TokenGrant {

    public static final String GRANT_TYPE = "password";

    private final ResourceOwnerAuthenticator users;

    public PasswordGrant(ResourceOwnerAuthenticator users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public String grantType() {
        return GRANT_TYPE;
    }

    @Override
    public Set<String> clientAuthenticationMethods() {
        return ClientAuthentication.ALL;
    }

    @Override
    public OAuth2Response createTokenResponse(OAuth2Request request, OAuth2Client client, AuthorizationServer server) {
        String username = request.form("username");
        String password = request.form("password");
        if (username == null || password == null) {
            throw OAuth2Error.invalidRequest("Missing username or password.");
        }
        Set<String> scope = server.resolveScope(client, request.form("scope"));
        String owner = users.authenticate(username, password)
                .orElseThrow(() -> OAuth2Error.invalidGrant("Invalid username or password.")); // §5.2
        TokenResponse token = server.tokenIssuer().issue(GRANT_TYPE, client, owner, scope, server.newGrantId(),
                server.issuesRefreshTokens(client));
        return OAuth2Response.json(200, token.toJson());
    }
}
