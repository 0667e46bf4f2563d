package io.lormas.platform.events;

import javax.sql.DataSource;

import org.apache.pulsar.client.api.PulsarClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.platform.outbox.Outbox;
import io.lormas.platform.outbox.OutboxAutoConfiguration;
import io.lormas.platform.pulsar.PulsarSettings;
import io.lormas.platform.tracing.TraceContext;

/** {@link EventHandler} discovery, the consumers that feed them, and the dead-letter admin endpoint. */
@AutoConfiguration(after = OutboxAutoConfiguration.class)
@ConditionalOnBean({ DataSource.class, PulsarClient.class })
@EnableConfigurationProperties(EventSettings.class)
public class EventsAutoConfiguration {

    @Bean
    static EventHandlers eventHandlers() {
        return new EventHandlers();
    }

    @Bean
    DeadLetters deadLetters(DataSource dataSource, JsonMapper json, Outbox outbox) {
        return new DeadLetters(JdbcClient.create(dataSource), json, outbox);
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetters deadLetters) {
        return new DeadLetterController(deadLetters);
    }

    @Bean
    EventConsumers eventConsumers(EventHandlers handlers, PulsarClient pulsar, PulsarSettings pulsarSettings,
            EventSettings settings, @Value("${spring.application.name:lormas}") String applicationName,
            DataSource dataSource, PlatformTransactionManager transactionManager, JsonMapper json, TraceContext trace,
            DeadLetters deadLetters) {
        String subscription = settings.subscription() == null ? applicationName : settings.subscription();
        return new EventConsumers(handlers, pulsar, pulsarSettings, settings, subscription,
                JdbcClient.create(dataSource), new TransactionTemplate(transactionManager), json, trace, deadLetters);
    }
}
