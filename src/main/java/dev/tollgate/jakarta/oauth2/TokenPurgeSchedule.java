package dev.tollgate.jakarta.oauth2;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs {@link TokenPurge} every hour on the container's default managed scheduler. */
@ApplicationScoped
public class TokenPurgeSchedule {

    private static final Logger LOG = Logger.getLogger(TokenPurgeSchedule.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    TokenPurge purge;

    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        task = scheduler.scheduleWithFixedDelay(this::purgeOnce, 1, 60, TimeUnit.MINUTES);
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
