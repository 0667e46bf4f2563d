package io.lormas.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Adds {@code lormas-platform-defaults.properties} as the lowest-precedence property source, so every service
 * has the same defaults (problem details, JSON logs, lean thread pools) and any of them can still be overridden.
 * {@code LORMAS_LOG_FORMAT=plain} switches the JSON console logs back to plain text for people reading a terminal.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String NAME = "lormasPlatformDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Properties defaults;
        try {
            defaults = PropertiesLoaderUtils.loadProperties(new ClassPathResource("lormas-platform-defaults.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String logFormat = environment.getProperty("LORMAS_LOG_FORMAT", "json");
        if ("plain".equalsIgnoreCase(logFormat)) {
            defaults.remove("logging.structured.format.console");
        }
        environment.getPropertySources().addLast(new PropertiesPropertySource(NAME, defaults));
    }
}
