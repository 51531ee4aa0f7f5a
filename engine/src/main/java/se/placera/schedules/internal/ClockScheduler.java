package se.placera.schedules.internal;

import java.time.Duration;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.placera.schedules.Clocks;

/**
 * Runs the clocks on a fixed delay, in one instance at a time: ShedLock's MongoDB provider holds a lock document
 * ({@code shedLock} collection, {@code _id} {@value #LOCK}) while a run lasts, so of two instances on one database
 * only one runs. The lock's lease is wall-clock time (ShedLock's own {@link ClockProvider}), not the application's
 * "today": a test that moves the application clock by years must not hold the lock for years. Even without the lock
 * a run does nothing twice (see {@link ClockService}).
 */
@Component
class ClockScheduler {

    static final String LOCK = "placera-clocks";
    private static final Logger log = LoggerFactory.getLogger(ClockScheduler.class);

    private final Clocks clocks;
    private final SchedulesProperties props;
    private final LockingTaskExecutor executor;

    ClockScheduler(Clocks clocks, SchedulesProperties props, MongoTemplate mongo) {
        this.clocks = clocks;
        this.props = props;
        this.executor = new DefaultLockingTaskExecutor(new MongoLockProvider(mongo.getDb()));
    }

    @Scheduled(fixedDelayString = "${placera.schedules.interval:60s}", initialDelayString = "${placera.schedules.initial-delay:10s}")
    void tick() {
        if (props.enabled()) {
            runLocked();
        }
    }

    /** One run under the lock; false when another instance holds it. */
    boolean runLocked() {
        boolean[] ran = {false};
        try {
            executor.executeWithLock((Runnable) () -> {
                ran[0] = true;
                Clocks.RunReport report = clocks.runOnce();
                if (report.opened() + report.escalated() + report.closed() > 0) {
                    log.info("Clocks: {} cases, {} tasks opened, {} reminders, {} escalations, {} clocks closed",
                            report.cases(), report.opened(), report.reminded(), report.escalated(), report.closed());
                }
            }, new LockConfiguration(ClockProvider.now(), LOCK, props.lockAtMost(), Duration.ZERO));
        } catch (RuntimeException e) {
            log.warn("Clock run failed; the next run retries", e);
        }
        return ran[0];
    }
}
