package dev.tollgate.jakarta.servlet;

import dev.tollgate.jakarta.cache.CacheSettings;
import dev.tollgate.jakarta.cache.PayaraDataGrid;
import dev.tollgate.jakarta.oauth1.OAuth1ResourceFilter;
import dev.tollgate.jakarta.oauth2.BearerTokenFilter;
import dev.tollgate.jakarta.oauth2.OAuth2ClientEntity;
import dev.tollgate.jakarta.persistence.TollgatePersistence;
import dev.tollgate.oauth2.OAuth2Settings;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.Collection;
import java.util.Optional;

/**
 * Fails the deployment, with a message that says what to change, rather than an application that starts and
 * then refuses every request: resource filters whose URL patterns overlap (a request there would meet the wrong
 * scheme's challenge), checked by {@link TollgateInitializer} as the application starts; then, once it is up,
 * caches per node in a Payara cluster, and, when it serves OAuth 2.0, no issuer or Tollgate's entities missing
 * from the persistence unit.
 */
public class StartupChecks implements ServletContextListener {

    /** The context attribute that says the application serves OAuth 2.0 (its token endpoint is mapped). */
    static final String SERVES_OAUTH2 = StartupChecks.class.getName() + ".oauth2";

    @Inject
    Instance<OAuth2Settings> settings;

    @Inject
    Instance<CacheSettings> caches;

    @Inject
    @TollgatePersistence
    Instance<EntityManager> entityManager;

    /** What can be checked while the application starts: its mappings. */
    static void checkMappings(ServletContext context) {
        overlappingFilters(patterns(context, BearerTokenFilter.class), patterns(context, OAuth1ResourceFilter.class))
                .ifPresent(StartupChecks::fail);
        String tokenServlet = StandardEndpoint.TOKEN.servlet().getName();
        context.setAttribute(SERVES_OAUTH2, context.getServletRegistrations().values().stream()
                .anyMatch(registration -> tokenServlet.equals(registration.getClassName())));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        ServedEndpoints.stopped(event.getServletContext());
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        PayaraDataGrid.perNodeInACluster(caches.get(), PayaraDataGrid.count()).ifPresent(StartupChecks::fail);
        if (Boolean.TRUE.equals(event.getServletContext().getAttribute(SERVES_OAUTH2))) {
            try {
                settings.get().issuer();
            } catch (RuntimeException noIssuer) {
                fail(rootCause(noIssuer).getMessage());
            }
            try {
                unmappedEntities(entityManager.get().getMetamodel()).ifPresent(StartupChecks::fail);
            } catch (RuntimeException noUnit) {
                fail("Tollgate needs the application's persistence unit (META-INF/persistence.xml) with "
                        + "<mapping-file>META-INF/tollgate-orm.xml</mapping-file>: " + rootCause(noUnit).getMessage());
            }
        }
    }

    /** A message when Tollgate's entities are not in the persistence unit. */
    static Optional<String> unmappedEntities(Metamodel metamodel) {
        try {
            metamodel.entity(OAuth2ClientEntity.class);
            return Optional.empty();
        } catch (IllegalArgumentException notAnEntity) {
            return Optional.of("Tollgate's entities are not in the persistence unit: add "
                    + "<mapping-file>META-INF/tollgate-orm.xml</mapping-file> to it in META-INF/persistence.xml");
        }
    }

    /** A message when a pattern of one resource filter covers a pattern of the other. */
    static Optional<String> overlappingFilters(Collection<String> bearer, Collection<String> oauth1) {
        for (String a : bearer) {
            for (String b : oauth1) {
                if (covers(a, b) || covers(b, a)) {
                    return Optional.of("The URL patterns " + a + " (BearerTokenFilter) and " + b
                            + " (OAuth1ResourceFilter) overlap: a request there must pass both filters, and each "
                            + "refuses the other's credentials. Map them to separate paths, e.g. /api/* and "
                            + "/oauth1-api/*");
                }
            }
        }
        return Optional.empty();
    }

    // Servlet 6.0 §12.2: "/x/*" matches "/x", "/x/..." and every pattern under it; "/*" matches everything
    private static boolean covers(String pattern, String other) {
        if (pattern.equals(other) || pattern.equals("/*") || pattern.equals("/")) {
            return true;
        }
        if (!pattern.endsWith("/*")) {
            return false;
        }
        String prefix = pattern.substring(0, pattern.length() - 2);
        String path = other.endsWith("/*") ? other.substring(0, other.length() - 2) : other;
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static Collection<String> patterns(ServletContext context, Class<?> filter) {
        return context.getFilterRegistrations().values().stream()
                .filter(registration -> filter.getName().equals(registration.getClassName()))
                .map(FilterRegistration::getUrlPatternMappings)
                .flatMap(Collection::stream).toList();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void fail(String message) {
        throw new IllegalStateException("Tollgate cannot start: " + message);
    }
}
