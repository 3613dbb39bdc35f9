package dev.tollgate.jakarta.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Gives Tollgate's stores the application's persistence unit: the only one it has. That unit lists Tollgate's
 * entities with {@code <mapping-file>META-INF/tollgate-orm.xml</mapping-file>}.
 */
@ApplicationScoped
public class DefaultPersistence {

    @Produces
    @TollgatePersistence
    @PersistenceContext
    EntityManager entityManager;
}
