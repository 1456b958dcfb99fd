package org.medhub.hub;

import org.medhub.hub.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MedhubApplication {

    public static void main(String[] args) {
        int exitCode = Cli.run(args, System.out, System.err);
        if (exitCode != Cli.RUNNING) {
            System.exit(exitCode);
        }
    }

    /** Starts the hub as {@code medhub run} does; the returned context is running until closed. */
    public static ConfigurableApplicationContext start(String... args) {
        return SpringApplication.run(MedhubApplication.class, args);
    }
}
