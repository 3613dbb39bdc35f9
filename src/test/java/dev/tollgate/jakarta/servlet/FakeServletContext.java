package dev.tollgate.jakarta.servlet;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A servlet context of servlets and filters as declared ({@link #servlet}, {@link #filter}), recording what is
 * added: as much of the container as {@link TollgateInitializer} and {@link ServedEndpoints} read.
 */
final class FakeServletContext {

    final Map<String, Mapped> servlets = new LinkedHashMap<>();
    final Map<String, Mapped> filters = new LinkedHashMap<>();
    final Map<String, Map<String, String>> filterParameters = new HashMap<>();
    final List<Object> listeners = new ArrayList<>();
    final Map<String, Object> attributes = new HashMap<>();
    final String contextPath;

    record Mapped(String className, List<String> mappings) {
    }

    FakeServletContext(String contextPath) {
        this.contextPath = contextPath;
    }

    FakeServletContext servlet(Class<?> type, String... mappings) {
        servlets.put(type.getName() + servlets.size(), new Mapped(type.getName(), new ArrayList<>(List.of(mappings))));
        return this;
    }

    FakeServletContext filter(Class<?> type, String... patterns) {
        filters.put(type.getName() + filters.size(), new Mapped(type.getName(), new ArrayList<>(List.of(patterns))));
        return this;
    }

    /** The classes mapped at a path. */
    List<String> at(String path) {
        return servlets.values().stream().filter(servlet -> servlet.mappings().contains(path))
                .map(Mapped::className).toList();
    }

    ServletContext context() {
        return proxy(ServletContext.class, (method, args) -> switch (method) {
            case "getContextPath" -> contextPath;
            case "getClassLoader" -> getClass().getClassLoader();
            case "getServletRegistrations" -> registrations(servlets, ServletRegistration.class);
            case "getFilterRegistrations" -> registrations(filters, FilterRegistration.class);
            case "addServlet" -> {
                Mapped added = new Mapped(((Class<?>) args[1]).getName(), new ArrayList<>());
                servlets.put((String) args[0], added);
                yield registration(added, ServletRegistration.Dynamic.class, null);
            }
            case "addFilter" -> {
                Mapped added = new Mapped(((Class<?>) args[1]).getName(), new ArrayList<>());
                filters.put((String) args[0], added);
                yield registration(added, FilterRegistration.Dynamic.class, (String) args[0]);
            }
            case "addListener" -> {
                listeners.add(args[0]);
                yield null;
            }
            case "setAttribute" -> attributes.put((String) args[0], args[1]);
            case "getAttribute" -> attributes.get((String) args[0]);
            default -> throw new UnsupportedOperationException(method);
        });
    }

    private <T> Map<String, T> registrations(Map<String, Mapped> declared, Class<T> type) {
        Map<String, T> registrations = new LinkedHashMap<>();
        declared.forEach((name, mapped) -> registrations.put(name, registration(mapped, type, name)));
        return registrations;
    }

    private <T> T registration(Mapped mapped, Class<T> type, String filterName) {
        return proxy(type, (method, args) -> switch (method) {
            case "getClassName" -> mapped.className();
            case "getMappings", "getUrlPatternMappings" -> mapped.mappings();
            case "addMapping" -> {
                mapped.mappings().addAll(List.of((String[]) args[0]));
                yield java.util.Set.of();
            }
            case "addMappingForUrlPatterns" -> {
                mapped.mappings().addAll(List.of((String[]) args[2]));
                yield null;
            }
            case "setInitParameter" -> {
                filterParameters.computeIfAbsent(filterName, name -> new HashMap<>())
                        .put((String) args[0], (String) args[1]);
                yield true;
            }
            default -> throw new UnsupportedOperationException(method);
        });
    }

    interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(FakeServletContext.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> answer.answer(method.getName(), args));
    }

    static Collection<String> classNames(Collection<Mapped> mapped) {
        return mapped.stream().map(Mapped::className).toList();
    }
}
