package io.lormas.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.lormas.platform.events.EventConsumers;
import io.lormas.platform.testapp.TestApplication;
import io.lormas.platform.testapp.Widgets;
import io.lormas.testkit.Awaits;
import io.lormas.testkit.PulsarBroker;
import io.lormas.testkit.RealInfrastructure;

/** The broker goes away while events are written; when it is back, every event arrives, exactly once. */
@SpringBootTest(classes = TestApplication.class, properties = { "lormas.outbox.max-backoff=2s",
        "lormas.pulsar.operation-timeout=3s" })
@RealInfrastructure(redis = false, pulsar = false)
class BrokerOutageIT {

    static PulsarBroker broker;

    @DynamicPropertySource
    static void privateBroker(DynamicPropertyRegistry registry) throws Exception {
        broker = PulsarBroker.dedicated(Files.createTempDirectory("lormas-outage-broker"));
        registry.add("lormas.pulsar.service-url", broker::brokerUrl);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Autowired
    Widgets widgets;
    @Autowired
    EventConsumers consumers;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JdbcClient jdbc;

    @Test
    void deliversEveryEventWrittenWhileTheBrokerWasDown() throws Exception {
        assertThat(consumers.awaitSubscribed(Duration.ofSeconds(60))).isTrue();
        UUID before = widgets.create("before-outage");
        Awaits.until(Duration.ofSeconds(30), "event before the outage", () -> widgets.timesSeen(before) == 1);

        broker.stop();
        List<UUID> written = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            written.add(widgets.create("during-outage-" + i));
        }
        Awaits.until(Duration.ofSeconds(60), "relay notices the outage", () -> !relay.brokerReachable());
        assertThat(jdbc.sql("select count(*) from outbox_message where published_at is null").query(Integer.class)
                .single()).isEqualTo(1000);

        broker.restart();

        Awaits.until(Duration.ofSeconds(180), "all 1000 events consumed", () -> widgets.seenCount() == 1001);
        assertThat(written).allSatisfy(id -> assertThat(widgets.timesSeen(id)).isEqualTo(1));
        Awaits.until(Duration.ofSeconds(30), "outbox drained", () -> jdbc.sql(
                "select count(*) from outbox_message where published_at is null").query(Integer.class).single() == 0);
    }

}
