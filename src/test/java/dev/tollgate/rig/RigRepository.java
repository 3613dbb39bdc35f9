package dev.tollgate.rig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class RigRepository {

    @PersistenceContext(unitName = "rig")
    EntityManager em;

    @Transactional
    public long save(String name) {
        RigEntity entity = new RigEntity(name, System.currentTimeMillis());
        em.persist(entity);
        em.flush();
        return entity.getId();
    }

    public String nameOf(long id) {
        em.clear();
        return em.find(RigEntity.class, id).getName();
    }

    public String providerName() {
        return em.getDelegate().getClass().getName();
    }
}
