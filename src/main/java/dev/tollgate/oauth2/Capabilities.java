package dev.tollgate.oauth2;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a server was built with: its grants with their extensions, response modes, client authentication
 * methods and endpoints. Immutable; metadata and registration read it, so neither claims what the server
 * does not do.
 */
public final class Capabilities {

    private final Map<ResponseType, AuthorizationGrant> authorizationGrants;
    private final Map<String, TokenGrant> tokenGrants;
    private final Map<String, List<GrantExtension>> extensions;
    private final List<GrantExtension> globalExtensions;
    private final Map<String, ResponseMode> responseModes;
    private final ClientAuthenticator clientAuthentication;
    private final Map<String, Endpoint> endpoints;
    private final List<ClientMetadataExtension> clientMetadataExtensions;
    private final Map<String, AuthorizationRequestResolver> requestResolvers;
    private final List<SenderConstraint> senderConstraints;

    Capabilities(Map<ResponseType, AuthorizationGrant> authorizationGrants, Map<String, TokenGrant> tokenGrants,
                 Map<String, List<GrantExtension>> extensions, List<GrantExtension> globalExtensions,
                 Map<String, ResponseMode> responseModes, ClientAuthenticator clientAuthentication,
                 Map<String, Endpoint> endpoints, List<ClientMetadataExtension> clientMetadataExtensions,
                 Map<String, AuthorizationRequestResolver> requestResolvers,
                 List<SenderConstraint> senderConstraints) {
        this.authorizationGrants = ordered(authorizationGrants);
        this.tokenGrants = ordered(tokenGrants);
        Map<String, List<GrantExtension>> combined = new LinkedHashMap<>();
        extensions.forEach((type, own) -> {
            List<GrantExtension> all = new ArrayList<>(globalExtensions);
            all.addAll(own);
            combined.put(type, List.copyOf(all));
        });
        this.extensions = Collections.unmodifiableMap(combined); // joined once, not on each request
        this.globalExtensions = List.copyOf(globalExtensions);
        this.responseModes = ordered(responseModes);
        this.clientAuthentication = clientAuthentication;
        this.endpoints = ordered(endpoints);
        this.clientMetadataExtensions = List.copyOf(clientMetadataExtensions);
        this.requestResolvers = ordered(requestResolvers);
        this.senderConstraints = List.copyOf(senderConstraints);
    }

    /** The kinds of sender-constrained tokens the resource protectors accept beside bearer tokens. */
    public List<SenderConstraint> senderConstraints() {
        return senderConstraints;
    }

    // in the order of registration, so that the metadata document is the same from one start to the next
    private static <K, V> Map<K, V> ordered(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** What resolves {@code request} and {@code request_uri} at the authorization endpoint, in order. */
    public Collection<AuthorizationRequestResolver> requestResolvers() {
        return requestResolvers.values();
    }

    /** Whether a resolver of this authorization request parameter is registered. */
    public boolean resolves(String parameter) {
        return requestResolvers.containsKey(parameter);
    }

    /** The grant for a response type, or {@code null}. */
    public AuthorizationGrant authorizationGrant(ResponseType responseType) {
        return authorizationGrants.get(responseType);
    }

    /** The grant for a grant type, or {@code null}. */
    public TokenGrant tokenGrant(String grantType) {
        return tokenGrants.get(grantType);
    }

    /** The grant for a {@code response_type} value as a client registers it, or {@code null}, also if malformed. */
    public AuthorizationGrant authorizationGrant(String responseType) {
        try {
            return authorizationGrant(ResponseType.parse(responseType));
        } catch (OAuth2Error e) {
            return null;
        }
    }

    public Collection<AuthorizationGrant> authorizationGrants() {
        return authorizationGrants.values();
    }

    public Collection<TokenGrant> tokenGrants() {
        return tokenGrants.values();
    }

    /** The extensions of a grant type: those registered for every grant, then its own. */
    public List<GrantExtension> extensions(String grantType) {
        return extensions.getOrDefault(grantType, globalExtensions);
    }

    /** Every registered extension, once. */
    public Set<GrantExtension> allExtensions() {
        Set<GrantExtension> all = new LinkedHashSet<>(globalExtensions);
        extensions.values().forEach(all::addAll);
        return all;
    }

    /** The response mode of a name, or {@code null}. */
    public ResponseMode responseMode(String name) {
        return responseModes.get(name);
    }

    public Set<String> responseModeNames() {
        return new TreeSet<>(responseModes.keySet());
    }

    public ClientAuthenticator clientAuthentication() {
        return clientAuthentication;
    }

    /** The endpoint of a name, or {@code null}. */
    public Endpoint endpoint(String name) {
        return endpoints.get(name);
    }

    public Collection<Endpoint> endpoints() {
        return endpoints.values();
    }

    /** What reads client metadata beyond RFC 7591's. */
    public List<ClientMetadataExtension> clientMetadataExtensions() {
        return clientMetadataExtensions;
    }

    /** Every grant type served, at either endpoint, sorted. */
    public Set<String> grantTypes() {
        Set<String> types = new TreeSet<>(tokenGrants.keySet());
        authorizationGrants.values().forEach(grant -> types.add(grant.grantType()));
        return types;
    }

    /** Every response type served, in canonical form, sorted. */
    public Set<String> responseTypes() {
        Set<String> types = new TreeSet<>();
        authorizationGrants.keySet().forEach(type -> types.add(type.toString()));
        return types;
    }
}
