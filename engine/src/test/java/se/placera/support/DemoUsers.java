package se.placera.support;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import se.placera.users.internal.UserService;

/**
 * The demo users of application.yml for the tests: the app creates them only with sample data
 * ({@code placera.samples.enabled=true}), which most tests do not load, so the tests seed them themselves, before
 * the app looks for an administrator at start-up.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DemoUsers {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ApplicationRunner seedDemoUsersForTests(UserService users) {
        return args -> users.seedDemoUsers();
    }
}
