package io.lormas.testkit;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Applies {@link RealInfrastructure} to Spring test contexts (registered in META-INF/spring.factories). */
public class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        RealInfrastructure wanted = TestContextAnnotationUtils.findMergedAnnotation(testClass, RealInfrastructure.class);
        return wanted == null ? null : new Customizer(wanted.postgres(), wanted.redis(), wanted.pulsar());
    }

    /** Equal for equal needs, so Spring's context cache shares contexts between test classes. */
    record Customizer(boolean postgres, boolean redis, boolean pulsar) implements ContextCustomizer {

        static final String SOURCE = "lormasTestInfrastructure";

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Map<String, Object> properties = infrastructureProperties(postgres, redis, pulsar);
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            MapPropertySource source = new MapPropertySource(SOURCE, properties);
            // Below @SpringBootTest(properties = ...) so a test can still override a value.
            if (sources.contains("Inlined Test Properties")) {
                sources.addAfter("Inlined Test Properties", source);
            } else {
                sources.addFirst(source);
            }
        }
    }

    /** The properties a service needs to run against the test infrastructure (also for non-Spring launchers). */
    public static Map<String, Object> infrastructureProperties(boolean postgres, boolean redis, boolean pulsar) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (postgres) {
            PostgresServer.Database database = PostgresServer.get().createDatabase();
            properties.put("spring.datasource.url", database.jdbcUrl());
            properties.put("spring.datasource.username", database.username());
            properties.put("spring.datasource.password", database.password());
            properties.put("lormas.test.database", database.name());
        }
        if (redis) {
            properties.put("spring.data.redis.host", RedisServer.get().host());
            properties.put("spring.data.redis.port", RedisServer.get().port());
        }
        if (pulsar) {
            PulsarBroker broker = PulsarBroker.shared();
            properties.put("lormas.pulsar.service-url", broker.brokerUrl());
            properties.put("lormas.pulsar.events-namespace", broker.createNamespace("events"));
            properties.put("lormas.pulsar.agents-namespace", broker.createNamespace("agents"));
            properties.put("lormas.test.pulsar-web-url", broker.webUrl());
        }
        TestTokens tokens = TestTokens.shared();
        properties.put("lormas.security.issuer", tokens.issuer());
        properties.put("lormas.security.jwk-set-uri", tokens.jwkSetUri());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        properties.put("lormas.crypto.keys.test", Base64.getEncoder().encodeToString(key));
        properties.put("lormas.crypto.active-key", "test");
        properties.put("lormas.events.min-backoff", "200ms");
        properties.put("lormas.events.max-backoff", "2s");
        properties.put("lormas.outbox.poll-interval", "200ms");
        return properties;
    }
}
