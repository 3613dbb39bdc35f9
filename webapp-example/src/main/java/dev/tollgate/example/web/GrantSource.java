package dev.tollgate.example.web;

import java.util.List;

/**
 * Where the home page finds the clients a user has authorized, one bean per protocol (e.g.
 * {@link dev.tollgate.example.oauth1.OAuth1Grants}). A new protocol adds one more {@code @ApplicationScoped}
 * bean implementing this interface; the home page lists and revokes through all of them.
 */
public interface GrantSource {

    /** A short name, unique among the sources, e.g. {@code "OAuth 1.0a"}; the revoke form posts it. */
    String protocol();

    /** The clients {@code user} has authorized, newest first. */
    List<Grant> grants(String user);

    /** Takes back everything {@code user} granted {@code clientId}; answers whether there was anything. */
    boolean revoke(String user, String clientId);
}
