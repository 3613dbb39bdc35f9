package dev.tollgate.oauth1;

/** What a consent page shows (RFC 5849 §2.2): the client asking, and the temporary credential to authorize. */
public record AuthorizationRequest(OAuth1Client client, TemporaryCredential credential) {
}
