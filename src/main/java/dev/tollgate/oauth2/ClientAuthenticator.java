package dev.tollgate.oauth2;

import dev.tollgate.common.Identifiers;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Authenticates clients with the registered {@link ClientAuthenticationMethod}s: finds the one method the
 * request uses, the client it names, and holds the client to its registered method.
 */
public final class ClientAuthenticator {

    private final ClientStore clients;
    private final String realm;
    private final Map<String, ClientAuthenticationMethod> methods;

    ClientAuthenticator(ClientStore clients, String realm, Map<String, ClientAuthenticationMethod> methods) {
        this.clients = clients;
        this.realm = realm;
        this.methods = Collections.unmodifiableMap(new LinkedHashMap<>(methods));
    }

    /**
     * Authenticates the calling client.
     *
     * @param confidentialOnly accept only methods of confidential clients
     * @throws OAuth2Error {@code invalid_client}: 401 with the method's {@code WWW-Authenticate} challenge when
     *                     the client tried an HTTP scheme or is registered for one (RFC 6749 §5.2), else 400;
     *                     {@code invalid_request} when it used two methods at once (§2.3)
     */
    public OAuth2Client authenticate(OAuth2Request request, boolean confidentialOnly) {
        List<ClientAuthenticationMethod> used = methods.values().stream().filter(m -> m.isUsedBy(request)).toList();
        if (used.size() > 1) {
            throw OAuth2Error.invalidRequest("More than one client authentication method was used.");
        }
        ClientAuthenticationMethod method = used.isEmpty() ? methods.get(ClientAuthenticationMethod.NONE) : used.get(0);
        if (method == null) {
            throw OAuth2Error.invalidClient("Client authentication is required.");
        }
        String clientId;
        try {
            clientId = method.clientId(request);
        } catch (OAuth2Error e) {
            throw failure(method, null, e.description());
        }
        if (clientId == null) {
            throw failure(method, null, "Client authentication is required.");
        }
        if (!Identifiers.hasNoControlCharacter(clientId)) {
            throw failure(method, null, "Client authentication failed.");
        }
        Optional<OAuth2Client> found = clients.find(clientId);
        OAuth2Client client = found.orElseThrow(() -> failure(method, null, "Client authentication failed."));
        boolean ok = method.name().equals(client.getTokenEndpointAuthMethod())
                && (method.isConfidential() || !confidentialOnly)
                && method.verify(request, client);
        if (!ok) {
            throw failure(method, client, "Client authentication failed.");
        }
        return client;
    }

    /** The registered method of a name, or {@code null}. */
    public ClientAuthenticationMethod method(String name) {
        return methods.get(name);
    }

    /** The names of the registered methods, or of those of confidential clients. */
    public Set<String> methodNames(boolean confidentialOnly) {
        return methods.values().stream().filter(m -> m.isConfidential() || !confidentialOnly)
                .map(ClientAuthenticationMethod::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private OAuth2Error failure(ClientAuthenticationMethod used, OAuth2Client client, String description) {
        OAuth2Error error = OAuth2Error.invalidClient(description);
        String challenge = used.challenge(realm);
        ClientAuthenticationMethod registered = client == null || client.getTokenEndpointAuthMethod() == null
                ? null : methods.get(client.getTokenEndpointAuthMethod());
        if (challenge == null && registered != null) {
            challenge = registered.challenge(realm);
        }
        return challenge == null ? error : error.withChallenge(401, "WWW-Authenticate", challenge);
    }
}
