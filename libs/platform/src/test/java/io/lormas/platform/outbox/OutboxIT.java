package io.lormas.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lormas.platform.events.EventConsumers;
import io.lormas.platform.testapp.PlatformIT;
import io.lormas.platform.testapp.Widgets;
import io.lormas.testkit.Awaits;

@PlatformIT
class OutboxIT {

    @Autowired
    Widgets widgets;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventConsumers consumers;

    @Test
    void publishesTheEventOfACommittedChange() throws Exception {
        assertThat(consumers.awaitSubscribed(Duration.ofSeconds(60))).isTrue();

        UUID id = widgets.create("committed");

        assertThat(jdbc.sql("select count(*) from outbox_message where message_key = ?").param(id.toString())
                .query(Integer.class).single()).isEqualTo(1);
        Awaits.until(Duration.ofSeconds(30), () -> widgets.timesSeen(id) == 1);
        assertThat(jdbc.sql("select published_at is not null from outbox_message where message_key = ?")
                .param(id.toString()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void publishesNothingForARolledBackChange() throws Exception {
        assertThat(consumers.awaitSubscribed(Duration.ofSeconds(60))).isTrue();
        int widgetsBefore = jdbc.sql("select count(*) from widget").query(Integer.class).single();
        int outboxBefore = jdbc.sql("select count(*) from outbox_message").query(Integer.class).single();

        assertThatThrownBy(() -> widgets.createThenFail("rolled-back")).isInstanceOf(IllegalStateException.class);
        UUID marker = widgets.create("marker-after-rollback");

        Awaits.until(Duration.ofSeconds(30), () -> widgets.timesSeen(marker) == 1);
        assertThat(jdbc.sql("select count(*) from widget").query(Integer.class).single()).isEqualTo(widgetsBefore + 1);
        assertThat(jdbc.sql("select count(*) from outbox_message").query(Integer.class).single()).isEqualTo(outboxBefore + 1);
        assertThat(jdbc.sql("select count(*) from widget_seen where name = 'rolled-back'").query(Integer.class).single())
                .isZero();
    }

    @Test
    void refusesToWriteOutsideATransaction(@Autowired Outbox outbox) {
        assertThatThrownBy(() -> outbox.publish(new io.lormas.platform.testapp.WidgetCreated(UUID.randomUUID(), "x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside a transaction");
    }
}
