package io.lormas.platform.pulsar;

import java.util.concurrent.TimeUnit;

import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * One {@link PulsarClient} per service. Building it does not connect: a service starts while the broker is
 * down, and the outbox relay and consumers retry until it is back.
 */
@AutoConfiguration
@EnableConfigurationProperties(PulsarSettings.class)
public class PulsarAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    PulsarClient pulsarClient(PulsarSettings settings) throws PulsarClientException {
        int timeoutMillis = (int) settings.timeout().toMillis();
        return PulsarClient.builder()
                .serviceUrl(settings.url())
                .operationTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .connectionTimeout(Math.min(timeoutMillis, 5000), TimeUnit.MILLISECONDS)
                .ioThreads(1)
                .listenerThreads(2)
                .memoryLimit(64, org.apache.pulsar.client.api.SizeUnit.MEGA_BYTES)
                .build();
    }
}
