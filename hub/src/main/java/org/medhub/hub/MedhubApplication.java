package org.medhub.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** The hub as a Spring Boot application; the {@code medhub} command ({@code cli.Cli}) starts it with {@code run}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MedhubApplication {

    /** Starts the hub as {@code medhub run} does; the returned context is running until closed. */
    public static ConfigurableApplicationContext start(String... args) {
        return SpringApplication.run(MedhubApplication.class, args);
    }
}
