package se.placera.support;

import java.util.function.Consumer;
import java.util.function.Predicate;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.core.Ordered;

import se.placera.shared.PendingAudit;

/**
 * Injects a failing audit log: while installed, the delivery of every outbox entry that {@code fails} accepts throws
 * before the audit log sees it (the listener runs first). {@code watch} sees every other published payload.
 */
public final class AuditFailures implements ApplicationListener<ApplicationEvent>, Ordered, AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Predicate<PendingAudit> fails;
    private final Consumer<Object> watch;

    private AuditFailures(ConfigurableApplicationContext context, Predicate<PendingAudit> fails,
            Consumer<Object> watch) {
        this.context = context;
        this.fails = fails;
        this.watch = watch;
    }

    public static AuditFailures install(ConfigurableApplicationContext context, Predicate<PendingAudit> fails) {
        return install(context, fails, payload -> { });
    }

    public static AuditFailures install(ConfigurableApplicationContext context, Predicate<PendingAudit> fails,
            Consumer<Object> watch) {
        AuditFailures f = new AuditFailures(context, fails, watch);
        context.addApplicationListener(f);
        return f;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof PayloadApplicationEvent<?> p) {
            if (p.getPayload() instanceof PendingAudit pa && fails.test(pa)) {
                throw new IllegalStateException("audit log unavailable (injected)");
            }
            watch.accept(p.getPayload());
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** Removes the injector. */
    @Override
    public void close() {
        context.getBean(ApplicationEventMulticaster.class).removeApplicationListener(this);
    }
}
