package dev.tollgate.jakarta.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.metamodel.Metamodel;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StartupChecksTest {

    @ParameterizedTest
    @CsvSource({"/api/*, /api/oauth1/*", "/api/*, /api", "/*, /oauth1/me", "/api/me, /api/me", "/, /x/*",
            "/api/oauth1/*, /api/*"})
    void overlappingPatternsAreRefused(String bearer, String oauth1) {
        assertTrue(StartupChecks.overlappingFilters(List.of(bearer), List.of(oauth1)).isPresent(),
                bearer + " and " + oauth1);
    }

    @ParameterizedTest
    @CsvSource({"/api/*, /oauth1-api/*", "/api/*, /apix/*", "/api/me, /api/oauth1/me", "/api/me, /apime"})
    void separatePatternsPass(String bearer, String oauth1) {
        assertEquals(Optional.empty(), StartupChecks.overlappingFilters(List.of(bearer), List.of(oauth1)));
    }

    @Test
    void unmappedEntitiesSayWhichLineToAdd() {
        Metamodel withoutTollgate = (Metamodel) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Metamodel.class}, (self, method, args) -> {
                    throw new IllegalArgumentException("Not an entity: " + args[0]);
                });
        assertEquals(Optional.of("Tollgate's entities are not in the persistence unit: add "
                + "<mapping-file>META-INF/tollgate-orm.xml</mapping-file> to it in META-INF/persistence.xml"),
                StartupChecks.unmappedEntities(withoutTollgate));
        Metamodel withTollgate = (Metamodel) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Metamodel.class}, (self, method, args) -> null);
        assertEquals(Optional.empty(), StartupChecks.unmappedEntities(withTollgate));
    }
}
