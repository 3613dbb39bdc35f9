package dev.tollgate.jakarta.oidc;

import dev.tollgate.oidc.RotatingSigningKeys;
import dev.tollgate.oidc.SigningKeys;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Rotates the signing keys when they are older than {@code KeySettings.rotationPeriod()}: checked every hour on
 * the container's default managed scheduler, so every node checks, and the first to find them due rotates.
 */
@ApplicationScoped
public class KeyRotationSchedule {

    private static final Logger LOG = Logger.getLogger(KeyRotationSchedule.class.getName());
    private static final String SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

    @Inject
    Instance<SigningKeys> keys;

    private ScheduledFuture<?> task;

    /** Looked up rather than injected: resource injection into a library jar's beans is not portable. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!keys.isResolvable() || !(keys.get() instanceof RotatingSigningKeys)) {
            return; // keys from a key store rotate by hand
        }
        try {
            ManagedScheduledExecutorService scheduler = InitialContext.doLookup(SCHEDULER);
            task = scheduler.scheduleWithFixedDelay(this::rotateIfDue, 1, 60, TimeUnit.MINUTES);
        } catch (NamingException e) {
            LOG.warning("No managed scheduler at " + SCHEDULER
                    + ": signing keys are not rotated unless RotatingSigningKeys.rotate() is called");
        }
    }

    void rotateIfDue() {
        try {
            ((RotatingSigningKeys) keys.get()).rotateIfDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Checking whether the signing keys are due for rotation failed; trying again later",
                    e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
