package dev.tollgate.oauth2;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Atomic through {@link ConcurrentHashMap#computeIfPresent}; public for the tests of the other packages. */
public final class InMemoryTokenStore implements TokenStore {

    record Row(String accessTokenHash, String refreshTokenHash, String clientId, String username, String scope,
               String grantId, Instant issuedAt, Instant expiresAt, Instant refreshTokenExpiresAt, boolean revoked,
               String refreshTokenScope, boolean grantRevoked, Map<String, String> attributes)
            implements OAuth2Token {

        static Row of(OAuth2Token t) {
            return new Row(t.getAccessTokenHash(), t.getRefreshTokenHash(), t.getClientId(), t.getUsername(),
                    t.getScope(), t.getGrantId(), t.getIssuedAt(), t.getExpiresAt(), t.getRefreshTokenExpiresAt(),
                    t.isRevoked(), t.getRefreshTokenScope(), false, t.getAttributes());
        }

        Row revokedCopy(boolean withGrant) {
            return new Row(accessTokenHash, refreshTokenHash, clientId, username, scope, grantId, issuedAt, expiresAt,
                    refreshTokenExpiresAt, true, refreshTokenScope, grantRevoked || withGrant, attributes);
        }

        @Override public String getAccessTokenHash() { return accessTokenHash; }
        @Override public String getRefreshTokenHash() { return refreshTokenHash; }
        @Override public String getClientId() { return clientId; }
        @Override public String getUsername() { return username; }
        @Override public String getScope() { return scope; }
        @Override public String getRefreshTokenScope() { return refreshTokenScope; }
        @Override public String getGrantId() { return grantId; }
        @Override public Instant getIssuedAt() { return issuedAt; }
        @Override public Instant getExpiresAt() { return expiresAt; }
        @Override public Instant getRefreshTokenExpiresAt() { return refreshTokenExpiresAt; }
        @Override public boolean isRevoked() { return revoked; }
        @Override public Map<String, String> getAttributes() { return attributes; }
    }

    final Map<String, Row> byAccessHash = new ConcurrentHashMap<>();
    private final Map<String, String> accessByRefreshHash = new ConcurrentHashMap<>();

    @Override
    public void save(OAuth2Token token) {
        Row row = Row.of(token);
        byAccessHash.put(row.accessTokenHash(), row);
        if (row.refreshTokenHash() != null) {
            accessByRefreshHash.put(row.refreshTokenHash(), row.accessTokenHash());
        }
    }

    @Override
    public Optional<OAuth2Token> findByAccessTokenHash(String accessTokenHash) {
        return Optional.ofNullable(byAccessHash.get(accessTokenHash));
    }

    @Override
    public Optional<OAuth2Token> findByRefreshTokenHash(String refreshTokenHash) {
        String access = accessByRefreshHash.get(refreshTokenHash);
        return access == null ? Optional.empty() : Optional.ofNullable(byAccessHash.get(access));
    }

    @Override
    public boolean revoke(String accessTokenHash) {
        AtomicBoolean changed = new AtomicBoolean();
        byAccessHash.computeIfPresent(accessTokenHash, (hash, row) -> {
            if (row.revoked()) {
                return row;
            }
            changed.set(true);
            return row.revokedCopy(false);
        });
        return changed.get();
    }

    @Override
    public void revokeGrant(String grantId) {
        byAccessHash.replaceAll((hash, row) -> row.grantId().equals(grantId) ? row.revokedCopy(true) : row);
    }

    @Override
    public boolean isGrantRevoked(String grantId) {
        return byAccessHash.values().stream().anyMatch(row -> row.grantId().equals(grantId) && row.grantRevoked());
    }

    @Override
    public List<String> revokeClient(String clientId) {
        List<Row> granted = byAccessHash.values().stream().filter(row -> row.clientId().equals(clientId)).toList();
        List<String> live = granted.stream().filter(row -> !row.revoked()).map(Row::grantId).distinct().toList();
        granted.stream().map(Row::grantId).distinct().forEach(this::revokeGrant);
        return live;
    }

    @Override
    public List<String> revokeAll(String username, String clientId) {
        List<Row> granted = byAccessHash.values().stream()
                .filter(row -> row.clientId().equals(clientId) && username.equals(row.username())).toList();
        List<String> live = granted.stream().filter(row -> !row.revoked()).map(Row::grantId).distinct().toList();
        granted.stream().map(Row::grantId).distinct().forEach(this::revokeGrant);
        return live;
    }
}
