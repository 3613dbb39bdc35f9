package dev.tollgate.jakarta.servlet;

import dev.tollgate.jakarta.config.TollgateConfig;
import dev.tollgate.jakarta.oauth1.OAuth1ResourceFilter;
import dev.tollgate.jakarta.oauth2.BearerTokenFilter;
import dev.tollgate.jakarta.oauth2.ConfiguredClients;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Maps Tollgate's endpoints at their usual paths when the application starts ({@link StandardEndpoint}), so that
 * an application writes no {@code web.xml} for them; the bearer filter over the URL patterns of
 * {@code tollgate.protect} with the scopes of {@code tollgate.protect.scope}, and the OAuth 1.0a filter over those
 * of {@code tollgate.protect.oauth1}. An endpoint the application maps
 * itself (in {@code web.xml} or with {@code @WebServlet}), or at whose path it maps another servlet, is left as
 * it is. {@code tollgate.endpoints=false} maps nothing; {@code tollgate.endpoint.<key>} moves one endpoint
 * ({@code /path}), maps one that is off by default ({@code on}) or leaves one out ({@code off});
 * {@code tollgate.oauth1=true} maps OAuth 1.0a's three. Then, when the
 * application is deployed, {@link StartupChecks} runs and {@link ConfiguredClients} registers the configured
 * clients.
 */
public class TollgateInitializer implements ServletContainerInitializer {

    /** The configuration name of the URL patterns the bearer filter protects, comma- or space-separated. */
    public static final String PROTECT = "tollgate.protect";
    /** The configuration name of the scopes the bearer filter requires (its {@code scope} init parameter). */
    public static final String PROTECT_SCOPE = "tollgate.protect.scope";
    /** The configuration name that maps OAuth 1.0a's three endpoints at their usual paths. */
    public static final String OAUTH1 = "tollgate.oauth1";
    /** The configuration name of the URL patterns the OAuth 1.0a filter protects, comma- or space-separated. */
    public static final String PROTECT_OAUTH1 = "tollgate.protect.oauth1";

    private static final Logger LOG = Logger.getLogger(TollgateInitializer.class.getName());

    private final TollgateConfig config;

    public TollgateInitializer() {
        this(TollgateConfig.get());
    }

    TollgateInitializer(TollgateConfig config) {
        this.config = config;
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        if (config.flag("tollgate.endpoints", true)) {
            for (StandardEndpoint endpoint : StandardEndpoint.values()) {
                map(endpoint, context);
            }
            config.value(PROTECT).ifPresent(patterns -> {
                FilterRegistration.Dynamic filter = protect("tollgate-bearer", BearerTokenFilter.class, patterns,
                        context);
                config.value(PROTECT_SCOPE).ifPresent(scope -> filter.setInitParameter("scope", scope));
            });
            config.value(PROTECT_OAUTH1).ifPresent(patterns -> protect("tollgate-oauth1", OAuth1ResourceFilter.class,
                    patterns, context));
        }
        StartupChecks.checkMappings(context);
        ServedEndpoints.started(context);
        context.addListener(StartupChecks.class);
        context.addListener(ConfiguredClients.class);
    }

    private void map(StandardEndpoint endpoint, ServletContext context) {
        List<String> paths = paths(endpoint);
        if (paths.isEmpty() || isRegistered(endpoint, context.getServletRegistrations().values())) {
            return;
        }
        if (paths.stream().anyMatch(path -> isMapped(path, context.getServletRegistrations().values()))) {
            return; // the application's own servlet answers there, e.g. its authorization page
        }
        ServletRegistration.Dynamic servlet = context.addServlet(
                "tollgate-" + endpoint.name().toLowerCase(Locale.ROOT), endpoint.servlet());
        servlet.addMapping(paths.toArray(String[]::new));
        LOG.fine(() -> "Tollgate maps " + endpoint.servlet().getSimpleName() + " at " + paths);
    }

    /** Where the configuration puts the endpoint; none when it is off. */
    List<String> paths(StandardEndpoint endpoint) {
        boolean mapped = endpoint.mappedByDefault() || endpoint.isOAuth1() && config.flag(OAUTH1, false);
        String setting = config.value(endpoint.setting()).orElse(mapped ? "on" : "off");
        return switch (setting.toLowerCase(Locale.ROOT)) {
            case "on", "true" -> endpoint.defaultPaths();
            case "off", "false" -> List.of();
            default -> {
                if (!setting.startsWith("/")) {
                    throw new IllegalStateException("The setting " + endpoint.setting() + " is \"" + setting
                            + "\": write a path such as " + endpoint.defaultPaths().get(0) + ", on or off");
                }
                yield List.of(setting);
            }
        };
    }

    private static boolean isRegistered(StandardEndpoint endpoint,
                                        Collection<? extends ServletRegistration> registrations) {
        return registrations.stream().anyMatch(registration -> endpoint.servlet().getName()
                .equals(registration.getClassName()));
    }

    private static boolean isMapped(String path, Collection<? extends ServletRegistration> registrations) {
        return registrations.stream().anyMatch(registration -> registration.getMappings().contains(path));
    }

    private static FilterRegistration.Dynamic protect(String name, Class<? extends Filter> type, String patterns,
                                                      ServletContext context) {
        FilterRegistration.Dynamic filter = context.addFilter(name, type);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true,
                Arrays.stream(patterns.split("[,\\s]+")).filter(pattern -> !pattern.isEmpty())
                        .toArray(String[]::new));
        return filter;
    }
}
