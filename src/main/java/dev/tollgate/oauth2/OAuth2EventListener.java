package dev.tollgate.oauth2;

/** Observes what the server does with clients and tokens; the integration maps these to CDI events. */
public interface OAuth2EventListener {

    /** Listens to nothing. */
    OAuth2EventListener NONE = new OAuth2EventListener() {
    };

    /** A client proved who it is at the token, revocation, introspection or registration endpoint. */
    default void clientAuthenticated(OAuth2Client client) {
    }

    /** A token was issued and saved. */
    default void tokenIssued(OAuth2Token token) {
    }

    /** One token was revoked (revocation endpoint or refresh-token rotation). */
    default void tokenRevoked(OAuth2Token token) {
    }

    /** Every token of a grant was revoked (code reuse, refresh-token replay, refresh-token revocation). */
    default void grantRevoked(String grantId) {
    }
}
