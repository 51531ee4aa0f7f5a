package se.placera.providers.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import se.placera.providers.Register;
import se.placera.providers.UnitId;
import se.placera.providers.UnitQualities;

/** Loads the register and the quality aggregates into memory at start-up, so the first search is as fast as the next. */
@Component
@Order(20)
class RegisterWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RegisterWarmUp.class);

    private final Register register;
    private final UnitQualities qualities;

    RegisterWarmUp(Register register, UnitQualities qualities) {
        this.register = register;
        this.qualities = qualities;
    }

    @Override
    public void run(ApplicationArguments args) {
        long t0 = System.nanoTime();
        int n = 0;
        for (var unit : register.units()) {
            qualities.of(new UnitId(unit.id()));
            n++;
        }
        log.info("Register in memory: {} units with quality fields in {} ms", n, (System.nanoTime() - t0) / 1_000_000);
    }
}
