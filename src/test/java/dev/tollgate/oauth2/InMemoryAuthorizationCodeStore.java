package dev.tollgate.oauth2;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Atomic redemption through {@link Set#add} on a concurrent set. */
public final class InMemoryAuthorizationCodeStore implements AuthorizationCodeStore {

    final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();
    private final Set<String> redeemed = ConcurrentHashMap.newKeySet();
    private final Set<String> replayed = ConcurrentHashMap.newKeySet();

    @Override
    public void save(AuthorizationCode code) {
        codes.put(code.getCodeHash(), code);
    }

    @Override
    public Optional<Redemption> redeem(String codeHash) {
        return Optional.ofNullable(codes.get(codeHash)).map(code -> new Redemption(code, redeemed.add(codeHash)));
    }

    @Override
    public void markReplayed(String codeHash) {
        replayed.add(codeHash);
    }

    @Override
    public boolean isReplayed(String codeHash) {
        return replayed.contains(codeHash);
    }

    @Override
    public List<String> revokeAll(String subject, String clientId) {
        List<String> marked = codes.values().stream().filter(code -> code.getClientId().equals(clientId)
                && code.getResourceOwner().subject().equals(subject)).map(AuthorizationCode::getCodeHash).toList();
        List<String> unredeemed = marked.stream().filter(hash -> !redeemed.contains(hash)).toList();
        redeemed.addAll(marked);
        replayed.addAll(marked);
        return unredeemed;
    }
}
