package dev.tollgate.jakarta.servlet;

import dev.tollgate.jakarta.config.TollgateConfig;
import dev.tollgate.jakarta.oauth2.BearerTokenFilter;
import dev.tollgate.jakarta.oauth2.ConfiguredClients;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Maps Tollgate's endpoints at their usual paths when the application starts ({@link StandardEndpoint}), so that
 * an application writes no {@code web.xml} for them; and the bearer filter over the URL patterns of
 * {@code tollgate.protect} with the scopes of {@code tollgate.protect.scope}. An endpoint the application maps
 * itself (in {@code web.xml} or with {@code @WebServlet}), or at whose path it maps another servlet, is left as
 * it is. {@code tollgate.endpoints=false} maps nothing; {@code tollgate.endpoint.<key>} moves one endpoint
 * ({@code /path}), maps one that is off by default ({@code on}) or leaves one out ({@code off}). Then, when the
 * application is deployed, {@link StartupChecks} runs and {@link ConfiguredClients} registers the configured
 * clients.
 */
public class TollgateInitializer implements ServletContainerInitializer {

    /** The configuration name of the URL patterns the bearer filter protects, comma- or space-separated. */
    public static final String PROTECT = "tollgate.protect";
    /** The configuration name of the scopes the bearer filter requires (its {@code scope} init parameter). */
    public static final String PROTECT_SCOPE = "tollgate.protect.scope";

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
            config.value(PROTECT).ifPresent(patterns -> protect(patterns, context));
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
        ServletRegistration.Dynamic servlet = context.addServlet("tollgate-" + endpoint.name().toLowerCase(java.util.Locale.ROOT),
                endpoint.servlet());
        servlet.addMapping(paths.toArray(String[]::new));
        LOG.fine(() -> "Tollgate maps " + endpoint.servlet().getSimpleName() + " at " + paths);
    }

    /** Where the configuration puts the endpoint; none when it is off. */
    List<String> paths(StandardEndpoint endpoint) {
        String setting = config.value(endpoint.setting()).orElse(endpoint.mappedByDefault() ? "on" : "off");
        return switch (setting.toLowerCase(java.util.Locale.ROOT)) {
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

    private void protect(String patterns, ServletContext context) {
        FilterRegistration.Dynamic filter = context.addFilter("tollgate-bearer", BearerTokenFilter.class);
        config.value(PROTECT_SCOPE).ifPresent(scope -> filter.setInitParameter("scope", scope));
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true,
                Arrays.stream(patterns.split("[,\\s]+")).filter(pattern -> !pattern.isEmpty())
                        .toArray(String[]::new));
    }
}
