package dev.tollgate.jakarta.oauth2;

import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.OAuth2EventListener;
import dev.tollgate.oauth2.OAuth2Token;
import jakarta.enterprise.event.Event;

/** Passes the core's notifications on as {@link OAuth2Event} CDI events. */
final class CdiEventListener implements OAuth2EventListener {

    private final Event<OAuth2Event> events;

    CdiEventListener(Event<OAuth2Event> events) {
        this.events = events;
    }

    @Override
    public void clientAuthenticated(OAuth2Client client) {
        events.fire(new OAuth2Event(OAuth2Event.Kind.CLIENT_AUTHENTICATED, null, null, client.getClientId()));
    }

    @Override
    public void tokenIssued(OAuth2Token token) {
        events.fire(new OAuth2Event(OAuth2Event.Kind.TOKEN_ISSUED, token, token.getGrantId(), token.getClientId()));
    }

    @Override
    public void tokenRevoked(OAuth2Token token) {
        events.fire(new OAuth2Event(OAuth2Event.Kind.TOKEN_REVOKED, token, token.getGrantId(), token.getClientId()));
    }

    @Override
    public void grantRevoked(String grantId) {
        events.fire(new OAuth2Event(OAuth2Event.Kind.GRANT_REVOKED, null, grantId, null));
    }
}
