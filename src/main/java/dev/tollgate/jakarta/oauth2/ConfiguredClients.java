package dev.tollgate.jakarta.oauth2;

import dev.tollgate.jakarta.ConfiguredSettings;
import dev.tollgate.jakarta.config.TollgateConfig;
import dev.tollgate.jakarta.oauth1.OAuth1Clients;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.Arrays;
import java.util.List;

/**
 * Registers the clients named in configuration when the application starts (a listener that
 * {@code TollgateInitializer} adds after {@code StartupChecks}),
 * through {@link OAuth2Clients}
 * (so idempotently, the secret hashed). {@code tollgate.clients} lists their ids; for each id:
 * {@code tollgate.client.<id>.secret} (none for a public client; better an environment variable such as
 * {@code TOLLGATE_CLIENT_APP_SECRET} than a file), {@code .redirect-uris}, {@code .scope} (else every scope of
 * {@code tollgate.scopes}), {@code .grant-types} and {@code .name}; lists are comma- or space-separated. OAuth
 * 1.0a clients likewise, through {@link OAuth1Clients}: {@code tollgate.oauth1.clients} lists their ids, and
 * {@code tollgate.oauth1.client.<id>.secret}, {@code .callback-uris} (the first is the default) and {@code .name}
 * describe each.
 */
public class ConfiguredClients implements ServletContextListener {

    @Inject
    Instance<OAuth2Clients> clients;

    @Inject
    Instance<OAuth1Clients> oauth1Clients;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        TollgateConfig config = TollgateConfig.get();
        config.value("tollgate.clients").ifPresent(ids -> list(ids)
                .forEach(id -> clients.get().register(definition(config, id))));
        config.value("tollgate.oauth1.clients").ifPresent(ids -> list(ids).forEach(id -> {
            String prefix = "tollgate.oauth1.client." + id + ".";
            oauth1Clients.get().register(id, config.value(prefix + "name").orElse(null),
                    config.value(prefix + "secret").orElseThrow(() -> new IllegalStateException(
                            "The OAuth 1.0a client " + id + " has no secret: set " + prefix + "secret")),
                    list(config.value(prefix + "callback-uris").orElse("")));
        }));
    }

    static OAuth2Clients.Definition definition(TollgateConfig config, String id) {
        String prefix = "tollgate.client." + id + ".";
        OAuth2Clients.Definition client = config.value(prefix + "secret")
                .map(secret -> OAuth2Clients.confidential(id, secret))
                .orElseGet(() -> OAuth2Clients.publicClient(id));
        client.redirectUri(list(config.value(prefix + "redirect-uris").orElse("")).toArray(String[]::new))
                .scopes(list(config.value(prefix + "scope").or(() -> config.value(ConfiguredSettings.SCOPES))
                        .orElse("")).toArray(String[]::new));
        config.value(prefix + "grant-types").ifPresent(types -> client.grantTypes(list(types).toArray(String[]::new)));
        config.value(prefix + "name").ifPresent(client::name);
        return client;
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.trim().split("[,\\s]+")).filter(item -> !item.isEmpty()).toList();
    }
}
