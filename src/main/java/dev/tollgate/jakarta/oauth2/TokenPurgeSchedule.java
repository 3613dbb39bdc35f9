package dev.tollgate.jakarta.oauth2;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** Runs {@link TokenPurge} every hour on the container's default managed scheduler. */
@ApplicationScoped
public class TokenPurgeSchedule {

    private static final Logger LOG = Logger.getLogger(TokenPurgeSchedule.class.getName());
    private static final String SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

    @Inject
    TokenPurge purge;

    private ScheduledFuture<?> task;

    /** Looked up rather than injected: resource injection into a library jar's beans is not portable. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            ManagedScheduledExecutorService scheduler = InitialContext.doLookup(SCHEDULER);
            task = scheduler.scheduleWithFixedDelay(this::purgeOnce, 1, 60, TimeUnit.MINUTES);
        } catch (NamingException e) {
            LOG.warning("No managed scheduler at " + SCHEDULER
                    + ": expired tokens and codes are not purged unless TokenPurge.purgeExpired() is called");
        }
    }

    void purgeOnce() {
        try {
            LOG.fine(() -> "Purged " + purge.purgeExpired() + " expired tokens and codes");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Purging expired tokens failed; trying again later", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
