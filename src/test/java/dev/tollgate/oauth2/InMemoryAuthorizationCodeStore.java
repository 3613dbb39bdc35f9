package dev.tollgate.oauth2;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Atomic take through {@link ConcurrentHashMap#remove(Object)}. */
final class InMemoryAuthorizationCodeStore implements AuthorizationCodeStore {

    final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();

    @Override
    public void save(AuthorizationCode code) {
        codes.put(code.getCodeHash(), code);
    }

    @Override
    public Optional<AuthorizationCode> take(String codeHash) {
        return Optional.ofNullable(codes.remove(codeHash));
    }

    @Override
    public List<String> removeAll(String subject, String clientId) {
        List<String> removed = codes.values().stream().filter(code -> code.getClientId().equals(clientId)
                && code.getResourceOwner().subject().equals(subject)).map(AuthorizationCode::getCodeHash).toList();
        removed.forEach(codes::remove);
        return removed;
    }
}
