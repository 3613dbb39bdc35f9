package dev.tollgate.oauth2;

import dev.tollgate.common.Secrets;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The resource owner password credentials grant (RFC 6749 §4.3). RFC 9700 §2.4 says it MUST NOT be used; it
 * is registered only when {@link GrantSettings#passwordGrantEnabled()} and used only by clients registered
 * for {@code password}.
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
    public TokenContext validateTokenRequest(TokenRequest request) {
        String username = request.form("username");
        String password = request.form("password");
        if (username == null || password == null) {
            throw OAuth2Error.invalidRequest("Missing username or password.");
        }
        Set<String> scope = request.scopes().resolve(request.client(), request.form("scope"));
        ResourceOwner owner = users.authenticate(username, password)
                .orElseThrow(() -> OAuth2Error.invalidGrant("Invalid username or password.")); // §5.2
        return new TokenContext(GRANT_TYPE, request.client(), owner, scope, Secrets.randomToken(16), true, Map.of());
    }
}
