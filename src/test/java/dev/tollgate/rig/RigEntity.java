package dev.tollgate.rig;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "RIG_ENTITY")
public class RigEntity {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    private long createdAt;

    protected RigEntity() {
    }

    public RigEntity(String name, long createdAt) {
        this.name = name;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public long getCreatedAt() {
        return createdAt;
    }
}
