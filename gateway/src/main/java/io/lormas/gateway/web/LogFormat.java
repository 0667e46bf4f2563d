package io.lormas.gateway.web;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * JSON console logs (ECS) like every Lormas service, unless {@code LORMAS_LOG_FORMAT=plain} asks for text. Added as the
 * lowest-precedence default so configuration can still override it.
 */
public class LogFormat implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!"plain".equalsIgnoreCase(environment.getProperty("LORMAS_LOG_FORMAT", "json"))) {
            environment.getPropertySources().addLast(new MapPropertySource("lormasLogFormat",
                    Map.of("logging.structured.format.console", "ecs")));
        }
    }
}
