package se.placera;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Placera: placement support for municipal social services. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PlaceraApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlaceraApplication.class, args);
    }
}
