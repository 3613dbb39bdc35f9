package dev.tollgate.rig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.testing.Databases;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The same mapping on H2 (unit tier) and on a real PostgreSQL server (PostgreSQL tier). */
class RigJpaTest {

    @Test
    void roundTripsOnH2() {
        roundTrip(() -> Databases.h2("rig-local"));
    }

    @Test
    void roundTripsOnPostgres() {
        roundTrip(() -> Databases.postgres("rig-local"));
    }

    private static void roundTrip(Supplier<EntityManagerFactory> factory) {
        EntityManagerFactory emf = factory.get();
        try {
            EntityManager em = emf.createEntityManager();
            em.getTransaction().begin();
            RigEntity saved = new RigEntity("gate", 1_700_000_000_000L);
            em.persist(saved);
            em.getTransaction().commit();
            em.clear();
            RigEntity found = em.find(RigEntity.class, saved.getId());
            assertEquals("gate", found.getName());
            assertEquals(1_700_000_000_000L, found.getCreatedAt());
            em.close();
        } finally {
            emf.close();
        }
    }
}
