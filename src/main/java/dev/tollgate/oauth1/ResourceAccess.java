package dev.tollgate.oauth1;

/** A verified request to a protected resource: the client that signed it and the token credential it used. */
public record ResourceAccess(OAuth1Client client, TokenCredential credential) {

    /** The resource owner on whose behalf the client acts. */
    public String userId() {
        return credential.getUserId();
    }
}
