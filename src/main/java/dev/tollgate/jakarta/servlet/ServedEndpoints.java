package dev.tollgate.jakarta.servlet;

import dev.tollgate.oauth2.OAuth2Settings;
import dev.tollgate.oidc.OpenIdProvider;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The endpoints an application actually serves, read from its servlet mappings: Tollgate's servlets wherever
 * they are mapped, and the application's own pages (authorization, logout) at the paths the settings name. The
 * metadata then names exactly these, under the application's context path.
 */
public final class ServedEndpoints {

    // each application's servlet context, by its class loader: CDI's own ServletContext bean needs a request
    private static final Map<ClassLoader, ServletContext> CONTEXTS = new ConcurrentHashMap<>();

    private ServedEndpoints() {
    }

    static void started(ServletContext context) {
        CONTEXTS.put(context.getClassLoader(), context);
    }

    static void stopped(ServletContext context) {
        CONTEXTS.remove(context.getClassLoader());
    }

    /**
     * The settings serving only what the calling application maps; as they are outside a web application, or
     * before its servlets are known.
     */
    public static OAuth2Settings of(OAuth2Settings settings) {
        ServletContext context = CONTEXTS.get(Thread.currentThread().getContextClassLoader());
        return context == null ? settings : of(settings, context);
    }

    /** The settings serving only what the application maps, each at its path under the context path. */
    public static OAuth2Settings of(OAuth2Settings settings, ServletContext context) {
        String prefix = prefix(settings.issuer(), context.getContextPath());
        Collection<? extends ServletRegistration> registrations = context.getServletRegistrations().values();
        Map<String, String> served = new LinkedHashMap<>();
        for (StandardEndpoint endpoint : StandardEndpoint.values()) {
            if (endpoint.endpointName() != null && endpoint != StandardEndpoint.AUTHORIZATION) {
                pathOf(endpoint, registrations).ifPresent(path -> served.put(endpoint.endpointName(), prefix + path));
            }
        }
        for (String page : new String[] {OAuth2Settings.AUTHORIZATION, OpenIdProvider.END_SESSION}) {
            String path = settings.endpoints().getOrDefault(page, page.equals(OAuth2Settings.AUTHORIZATION)
                    ? StandardEndpoint.AUTHORIZATION.defaultPaths().get(0) : OpenIdProvider.DEFAULT_END_SESSION_PATH);
            if (registrations.stream().anyMatch(registration -> registration.getMappings().contains(path))) {
                served.put(page, prefix + path);
            }
        }
        return settings.servingOnly(served);
    }

    /**
     * What goes between the issuer and a servlet path: nothing when the issuer already ends with the context path
     * (the usual {@code https://as.example/app} for an application at {@code /app}, or any issuer at the root),
     * else the context path.
     */
    static String prefix(String issuer, String contextPath) {
        String issuerPath = URI.create(issuer).getRawPath();
        return issuerPath != null && issuerPath.endsWith(contextPath) ? "" : contextPath;
    }

    // the first exact mapping of a servlet of the endpoint's class (or a subclass), or a prefix mapping's path
    private static Optional<String> pathOf(StandardEndpoint endpoint,
                                           Collection<? extends ServletRegistration> registrations) {
        return registrations.stream().filter(registration -> isOf(endpoint, registration))
                .flatMap(registration -> registration.getMappings().stream())
                .filter(mapping -> mapping.startsWith("/"))
                .map(mapping -> mapping.endsWith("/*") ? mapping.substring(0, mapping.length() - 2) : mapping)
                .sorted((a, b) -> Integer.compare(a.length(), b.length()))
                .findFirst();
    }

    private static boolean isOf(StandardEndpoint endpoint, ServletRegistration registration) {
        if (registration.getClassName() == null) {
            return false; // a JSP file
        }
        try {
            Class<?> type = Class.forName(registration.getClassName(), false,
                    Thread.currentThread().getContextClassLoader());
            return endpoint.servlet().isAssignableFrom(type);
        } catch (ClassNotFoundException | LinkageError unknown) {
            return false; // a class of the server's own
        }
    }
}
