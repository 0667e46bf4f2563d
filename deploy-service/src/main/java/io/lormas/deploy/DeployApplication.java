package io.lormas.deploy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** deploy-service: servers, their placement, lifecycle, power, reconciliation, variables and console. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DeployApplication {

    public static void main(String[] args) {
        SpringApplication.run(DeployApplication.class, args);
    }
}
