package dev.tollgate.oauth2;

import java.time.Instant;

/** The code value the server hands to {@link AuthorizationCodeStore#save}. */
public record IssuedAuthorizationCode(String codeHash, String clientId, String redirectUri, String scope,
                                      String username, Instant expiresAt, String codeChallenge,
                                      String codeChallengeMethod) implements AuthorizationCode {

    @Override
    public String getCodeHash() {
        return codeHash;
    }

    @Override
    public String getClientId() {
        return clientId;
    }

    @Override
    public String getRedirectUri() {
        return redirectUri;
    }

    @Override
    public String getScope() {
        return scope;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public Instant getExpiresAt() {
        return expiresAt;
    }

    @Override
    public String getCodeChallenge() {
        return codeChallenge;
    }

    @Override
    public String getCodeChallengeMethod() {
        return codeChallengeMethod;
    }
}
