package dev.tollgate.example.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * The example's users, as a Jakarta Security identity store: {@link LoginMechanism} hands it the username and
 * password of the login form, and the caller it answers becomes {@code request.getUserPrincipal()}.
 */
@ApplicationScoped
public class DemoUsers implements IdentityStore {

    /** The one role every signed-in user has. */
    public static final String ROLE = "user";

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    Clock clock;

    /** Verified against when the username is unknown, so that both failures take the same time. */
    private String unknownUserHash;

    @PostConstruct
    void init() {
        passwordHash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        unknownUserHash = passwordHash.generate("not a password of anyone".toCharArray());
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)
                || login.getCaller() == null || login.getCaller().isEmpty()) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        DemoUser user = em.find(DemoUser.class, login.getCaller());
        boolean matches = passwordHash.verify(login.getPassword().getValue(),
                user == null ? unknownUserHash : user.getPasswordHash());
        return user != null && matches
                ? new CredentialValidationResult(user.getUsername(), Set.of(ROLE))
                : CredentialValidationResult.INVALID_RESULT;
    }

    /** Whether a user of this name exists. */
    public boolean exists(String username) {
        return username != null && username.length() <= 64 && em.find(DemoUser.class, username) != null;
    }

    /** Creates the user unless one of that name exists; answers whether it did. */
    @Transactional
    public boolean createIfAbsent(String username, String password) {
        if (em.find(DemoUser.class, username) != null) {
            return false;
        }
        em.persist(new DemoUser(username, passwordHash.generate(password.toCharArray()), clock.millis()));
        return true;
    }
}
