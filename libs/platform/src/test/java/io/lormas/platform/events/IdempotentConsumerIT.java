package io.lormas.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.contracts.EventEnvelope;
import io.lormas.platform.id.Ids;
import io.lormas.platform.pulsar.PulsarSettings;
import io.lormas.platform.testapp.PlatformIT;
import io.lormas.platform.testapp.WidgetCreated;
import io.lormas.platform.testapp.Widgets;
import io.lormas.testkit.Awaits;
import io.lormas.testkit.TestTokens;

@PlatformIT
class IdempotentConsumerIT {

    @Autowired
    Widgets widgets;
    @Autowired
    EventConsumers consumers;
    @Autowired
    PulsarClient pulsar;
    @Autowired
    PulsarSettings pulsarSettings;
    @Autowired
    JsonMapper json;
    @LocalServerPort
    int port;

    @BeforeEach
    void subscribed() throws InterruptedException {
        assertThat(consumers.awaitSubscribed(Duration.ofSeconds(60))).isTrue();
    }

    @Test
    void changesStateOnceWhenTheSameEventArrivesTwice() throws Exception {
        UUID widgetId = Ids.newId();
        EventEnvelope<WidgetCreated> envelope = new EventEnvelope<>(Ids.newId(), "test.widget.created", 1, Instant.now(),
                widgetId.toString(), null, new WidgetCreated(widgetId, "twice"));
        byte[] body = json.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8);
        UUID later = Ids.newId();
        byte[] marker = json.writeValueAsString(new EventEnvelope<>(Ids.newId(), "test.widget.created", 1, Instant.now(),
                widgetId.toString(), null, new WidgetCreated(later, "after-duplicates"))).getBytes(StandardCharsets.UTF_8);

        try (Producer<byte[]> producer = pulsar.newProducer(Schema.BYTES)
                .topic(pulsarSettings.eventTopic("test.widget")).enableBatching(false).create()) {
            producer.newMessage().key(widgetId.toString()).value(body).send();
            producer.newMessage().key(widgetId.toString()).value(body).send();
            producer.newMessage().key(widgetId.toString()).value(marker).send(); // same key: delivered after both
        }

        Awaits.until(Duration.ofSeconds(30), "marker processed", () -> widgets.timesSeen(later) == 1);
        assertThat(widgets.timesSeen(widgetId)).isEqualTo(1);
    }

    @Test
    void sendsAnAlwaysFailingEventToTheDeadLetterTopicAndReplaysItOnceFixed() {
        widgets.poisonFails(true);
        UUID poison = widgets.create("poison-pill");
        RestClient admin = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.shared().user(Ids.newId()).roles("admin").sign())
                .build();

        Awaits.until(Duration.ofSeconds(60), "dead letter recorded", () -> deadLetterFor(admin, poison) != null);
        assertThat(widgets.poisonAttempts()).isEqualTo(3);
        assertThat(widgets.timesSeen(poison)).isZero();

        widgets.poisonFails(false);
        String id = (String) deadLetterFor(admin, poison).get("id");
        ResponseEntity<Map> replayed = admin.post().uri("/api/test/admin/dead-letters/{id}/replay", id).retrieve()
                .toEntity(Map.class);

        assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(replayed.getBody()).containsKey("replayedAt");
        Awaits.until(Duration.ofSeconds(30), "replayed event processed", () -> widgets.timesSeen(poison) == 1);
        assertThat(widgets.poisonAttempts()).isEqualTo(1);
    }

    @Test
    void refusesDeadLetterListingWithoutPermission() {
        RestClient customer = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.shared().user(Ids.newId()).roles("customer").sign())
                .build();

        HttpStatus status = customer.get().uri("/api/test/admin/dead-letters")
                .exchange((request, response) -> HttpStatus.valueOf(response.getStatusCode().value()));

        assertThat(status).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deadLetterFor(RestClient admin, UUID widgetId) {
        Map<String, Object> page = admin.get().uri("/api/test/admin/dead-letters?limit=500").retrieve().body(Map.class);
        return ((List<Map<String, Object>>) page.get("items")).stream()
                .filter(letter -> widgetId.toString().equals(letter.get("messageKey")))
                .findFirst().orElse(null);
    }
}
