package io.lormas.platform.outbox;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.pulsar.client.api.PulsarClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.platform.pulsar.PulsarAutoConfiguration;
import io.lormas.platform.pulsar.PulsarSettings;
import io.lormas.platform.tracing.TraceContext;
import io.lormas.platform.tracing.TracingAutoConfiguration;

/** The {@link Outbox} and, unless switched off, its {@link OutboxRelay}. */
@AutoConfiguration(after = { PulsarAutoConfiguration.class, TracingAutoConfiguration.class },
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration")
@ConditionalOnBean({ DataSource.class, PulsarClient.class })
@EnableConfigurationProperties(OutboxSettings.class)
public class OutboxAutoConfiguration {

    @Bean
    OutboxRelay outboxRelay(DataSource dataSource, PlatformTransactionManager transactionManager, PulsarClient pulsar,
            OutboxSettings settings, PulsarSettings pulsarSettings, ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager), pulsar,
                settings, pulsarSettings.timeout(), meters.getIfAvailable(SimpleMeterRegistry::new)) {
            @Override
            public boolean isAutoStartup() {
                return settings.relay();
            }
        };
    }

    @Bean
    Outbox outbox(DataSource dataSource, JsonMapper json, PulsarSettings pulsarSettings, TraceContext trace,
            @Lazy OutboxRelay relay) {
        return new Outbox(JdbcClient.create(dataSource), json, pulsarSettings, trace, relay::wakeUp);
    }
}
