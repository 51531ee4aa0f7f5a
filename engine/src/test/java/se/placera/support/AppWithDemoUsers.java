package se.placera.support;

import org.springframework.boot.SpringApplication;

import se.placera.PlaceraApplication;

/**
 * The app as a separate JVM for tests that kill or restart it ({@code AppProcess}), with the demo users of
 * application.yml seeded ({@link DemoUsers}) but without sample data, so it starts quickly.
 */
public final class AppWithDemoUsers {

    private AppWithDemoUsers() {
    }

    public static void main(String[] args) {
        SpringApplication.run(new Class<?>[] {PlaceraApplication.class, DemoUsers.class}, args);
    }
}
