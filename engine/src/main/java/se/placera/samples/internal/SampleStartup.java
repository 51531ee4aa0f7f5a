package se.placera.samples.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the sample municipality after readiness (issue #18, item 5): sample data is not needed to serve a request,
 * so the app reports ready once the metadata is imported and the accounts are there, and the register, placements,
 * economy and sample cases are written by a background thread. {@code GET /actuator/info} says how far it got
 * ({@code samples: disabled | loading | loaded | failed}); the load-test script waits for {@code loaded}.
 */
@Component
class SampleStartup implements InfoContributor {

    private static final Logger log = LoggerFactory.getLogger(SampleStartup.class);

    /** How far the start-up load of the sample municipality is. */
    enum State { DISABLED, WAITING, LOADING, LOADED, FAILED }

    private final SamplesProperties properties;
    private final SampleLoader loader;
    private final SampleCases cases;
    private volatile State state;

    SampleStartup(SamplesProperties properties, SampleLoader loader, SampleCases cases) {
        this.properties = properties;
        this.loader = loader;
        this.cases = cases;
        this.state = !properties.enabled() ? State.DISABLED
                : properties.afterReady() ? State.WAITING : State.LOADING;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!properties.enabled()) {
            return;
        }
        if (!properties.afterReady()) {
            state = State.LOADED; // loaded before readiness by SampleLoader.run and SampleCases.onReady
            return;
        }
        state = State.LOADING;
        Thread.ofVirtual().name("sample-data").start(this::load);
    }

    private void load() {
        long t0 = System.nanoTime();
        try {
            loader.loadConfigured();
            cases.loadLogged();
            state = State.LOADED;
            log.info("Sample municipality loaded after readiness in {} ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            state = State.FAILED;
            log.error("Sample data could not be loaded", e);
        }
    }

    State state() {
        return state;
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("samples", state.name().toLowerCase(java.util.Locale.ROOT));
    }
}
