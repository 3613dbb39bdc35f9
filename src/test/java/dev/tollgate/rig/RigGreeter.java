package dev.tollgate.rig;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/** One application-scoped bean, injected into both the filter and the servlet of the rig. */
@ApplicationScoped
public class RigGreeter {

    private final AtomicInteger calls = new AtomicInteger();

    public int call() {
        return calls.incrementAndGet();
    }
}
