package dev.tollgate.example.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A resource owner of the example: a username and a PBKDF2 hash of the password, never the password. */
@Entity
@Table(name = "EXAMPLE_USER")
public class DemoUser {

    @Id
    @Column(name = "USERNAME", length = 64)
    private String username;

    /** As {@code Pbkdf2PasswordHash.generate} encodes it: algorithm, iterations, salt and hash. */
    @Column(name = "PASSWORD_HASH", nullable = false, length = 512)
    private String passwordHash;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    protected DemoUser() {
    }

    public DemoUser(String username, String passwordHash, long createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public long getCreatedAt() {
        return createdAt;
    }
}
