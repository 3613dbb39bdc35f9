package dev.tollgate.jakarta.oauth2;

import dev.tollgate.oauth2.AuthorizationCodeStore;
import dev.tollgate.oauth2.ClientStore;
import dev.tollgate.oauth2.OAuth2Settings;
import dev.tollgate.oauth2.ResourceOwnerAuthenticator;
import dev.tollgate.oauth2.TokenStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/**
 * Produces the OAuth 2.0 core server with the standard grants and endpoints that its settings enable, over
 * the store beans (JPA by default), with its notifications as CDI events. To add or replace a grant, produce
 * your own {@code dev.tollgate.oauth2.AuthorizationServer} as an {@code @Alternative} (as {@link
 * dev.tollgate.jakarta.TollgateDefaults} shows):
 * start from {@link #standard} and call {@code registerGrant}.
 */
@ApplicationScoped
public class OAuth2ServerProducer {

    @Produces
    @Singleton
    public dev.tollgate.oauth2.AuthorizationServer server(OAuth2Settings settings, ClientStore clients,
            TokenStore tokens, AuthorizationCodeStore codes, Instance<ResourceOwnerAuthenticator> users,
            Clock clock, Event<OAuth2Event> events) {
        return standard(settings, clients, tokens, codes, users, clock, events);
    }

    /**
     * The standard server. The password grant, when the settings enable it, checks passwords with the
     * application's {@link ResourceOwnerAuthenticator} bean; without one it accepts nobody.
     */
    public static dev.tollgate.oauth2.AuthorizationServer standard(OAuth2Settings settings, ClientStore clients,
            TokenStore tokens, AuthorizationCodeStore codes, Instance<ResourceOwnerAuthenticator> users,
            Clock clock, Event<OAuth2Event> events) {
        ResourceOwnerAuthenticator authenticator = users.isResolvable()
                ? users.get() : (username, password) -> Optional.empty();
        dev.tollgate.oauth2.AuthorizationServer server = dev.tollgate.oauth2.AuthorizationServer.standard(
                settings, clients, tokens, codes, authenticator, clock);
        server.setEventListener(new CdiEventListener(events));
        return server;
    }
}
