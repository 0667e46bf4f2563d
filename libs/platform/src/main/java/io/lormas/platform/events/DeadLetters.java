package io.lormas.platform.events;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.pulsar.client.api.Message;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.contracts.Topics;
import io.lormas.platform.id.Ids;
import io.lormas.platform.outbox.Outbox;
import io.lormas.platform.web.ProblemException;

/**
 * Messages that exhausted their retries, recorded from the dead-letter topics so an operator can list them and,
 * once the fault is fixed, replay them. A replay goes through the outbox to the subscription's own retry topic:
 * only the subscription that failed sees it again, other services are not disturbed.
 */
public class DeadLetters {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Outbox outbox;

    public DeadLetters(JdbcClient jdbc, JsonMapper json, Outbox outbox) {
        this.jdbc = jdbc;
        this.json = json;
        this.outbox = outbox;
    }

    /** One recorded dead letter; {@code body} is the original message (an event envelope). */
    public record DeadLetter(UUID id, String subscription, String topic, @Nullable String messageKey, @Nullable UUID eventId,
            @Nullable String eventType, String body, Instant deadAt, @Nullable Instant replayedAt) {
    }

    void record(String subscription, String topic, Message<byte[]> message) {
        String eventId = message.getProperty("lormas-id");
        jdbc.sql("""
                insert into dead_letter (id, subscription, topic, message_id, message_key, event_id, event_type, body, properties)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (subscription, message_id) do nothing
                """).params(Ids.newId(), subscription, topic, originalMessageId(message), message.getKey(),
                eventId == null ? null : UUID.fromString(eventId), message.getProperty("lormas-type"),
                new String(message.getData(), StandardCharsets.UTF_8), json.writeValueAsString(message.getProperties()))
                .update();
    }

    private static String originalMessageId(Message<byte[]> message) {
        String origin = message.getProperty("ORIGIN_MESSAGE_ID");
        return origin != null ? origin : message.getMessageId().toString();
    }

    public List<DeadLetter> list(@Nullable UUID after, int limit) {
        return jdbc.sql(SELECT + " where (?::uuid is null or id > ?) order by id limit ?")
                .params(after, after, limit).query(DeadLetters::row).list();
    }

    public Optional<DeadLetter> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(DeadLetters::row).optional();
    }

    /** Sends the message again to its subscription's retry topic; returns the updated record. */
    @Transactional
    public DeadLetter replay(UUID id) {
        DeadLetter letter = jdbc.sql(SELECT + " where id = ? for update").param(id).query(DeadLetters::row)
                .optional().orElseThrow(() -> ProblemException.notFound("dead letter", id));
        String mainTopic = Topics.withoutRetrySuffix(letter.topic(), letter.subscription());
        outbox.send(Ids.newId(), Topics.retry(mainTopic, letter.subscription()),
                letter.messageKey() == null ? letter.id().toString() : letter.messageKey(),
                letter.eventType() == null ? "unknown" : letter.eventType(), letter.body());
        jdbc.sql("update dead_letter set replayed_at = now() where id = ?").param(id).update();
        return find(id).orElseThrow();
    }

    private static final String SELECT = """
            select id, subscription, topic, message_key, event_id, event_type, body, dead_at, replayed_at
            from dead_letter""";

    private static DeadLetter row(ResultSet rs, int rowNum) throws SQLException {
        Timestamp replayedAt = rs.getTimestamp(9);
        return new DeadLetter(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                replayedAt == null ? null : replayedAt.toInstant());
    }
}
