package dev.tollgate.jakarta.cache;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Payara's data grid: its Hazelcast instance (JNDI {@value #PAYARA_HAZELCAST}), which Tollgate's caches join with
 * {@link CacheSettings#hazelcast()}, and how many members it has, read through Hazelcast's public interfaces so
 * that the library needs no Hazelcast classes.
 */
public final class PayaraDataGrid {

    /** Where Payara binds its Hazelcast instance unless configured otherwise. */
    public static final String PAYARA_HAZELCAST = "payara/Hazelcast";

    private PayaraDataGrid() {
    }

    /** Payara's Hazelcast instance, if the server is Payara with its data grid on. */
    public static Optional<Object> instance() {
        try {
            return Optional.of(new InitialContext().lookup(PAYARA_HAZELCAST));
        } catch (NamingException | RuntimeException noDataGrid) {
            return Optional.empty(); // not Payara, or Hazelcast is off (--nohazelcast)
        }
    }

    /** The members of the data grid this server belongs to, itself included; 1 when it belongs to none. */
    public static int count() {
        Optional<Object> hazelcast = instance();
        if (hazelcast.isEmpty()) {
            return 1;
        }
        try {
            Object cluster = call(hazelcast.get(), "getCluster");
            return call(cluster, "getMembers") instanceof Collection<?> members ? Math.max(1, members.size()) : 1;
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            return 1;
        }
    }

    /**
     * A message when Tollgate's caches are per node while the server runs in a cluster: each node would accept a
     * nonce, a code or a {@code jti} that another already used.
     */
    public static Optional<String> perNodeInACluster(CacheSettings settings, int members) {
        if (members < 2 || settings.providerClassName().equals(CacheSettings.HAZELCAST)) {
            return Optional.empty();
        }
        return Optional.of("Tollgate's caches (" + settings.providerClassName() + ") are per node, but "
                + "this server is one of " + members + " members of a Payara cluster: nonces, codes and jti used on "
                + "one node would be accepted again on another. Set tollgate.cache=hazelcast, or produce "
                + "CacheSettings.hazelcast() (docs/oauth1.md, \"Caches\")");
    }

    // through a public interface of the object's class: its implementation class may not be accessible
    private static Object call(Object target, String name) throws ReflectiveOperationException {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> face : type.getInterfaces()) {
                try {
                    Method method = face.getMethod(name);
                    return method.invoke(target);
                } catch (NoSuchMethodException notHere) {
                    // the next interface
                }
            }
        }
        throw new NoSuchMethodException(name);
    }
}
