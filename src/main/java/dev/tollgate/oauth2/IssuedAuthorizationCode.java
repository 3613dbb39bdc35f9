package dev.tollgate.oauth2;

import java.time.Instant;
import java.util.Map;

/** The code value the server hands to {@link AuthorizationCodeStore#save}. */
public record IssuedAuthorizationCode(String codeHash, String clientId, String redirectUri, String scope,
                                      ResourceOwner owner, Instant expiresAt, Map<String, String> attributes)
        implements AuthorizationCode {

    public IssuedAuthorizationCode {
        attributes = Map.copyOf(attributes);
    }

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
    public ResourceOwner getResourceOwner() {
        return owner;
    }

    @Override
    public Instant getExpiresAt() {
        return expiresAt;
    }

    @Override
    public Map<String, String> getAttributes() {
        return attributes;
    }
}
