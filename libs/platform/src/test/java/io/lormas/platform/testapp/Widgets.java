package io.lormas.platform.testapp;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.lormas.platform.events.EventHandler;
import io.lormas.platform.id.Ids;
import io.lormas.platform.outbox.Outbox;

/** Writes widgets with their events, and projects the events it consumes into widget_seen. */
@Component
public class Widgets {

    /** While true, events of widgets named "poison..." fail in the handler. */
    private final AtomicBoolean poisonFails = new AtomicBoolean(true);
    private final AtomicInteger poisonAttempts = new AtomicInteger();

    private final JdbcClient jdbc;
    private final Outbox outbox;

    Widgets(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Transactional
    public UUID create(String name) {
        UUID id = Ids.newId();
        jdbc.sql("insert into widget (id, name) values (?, ?)").params(id, name).update();
        outbox.publish(new WidgetCreated(id, name));
        return id;
    }

    /** Writes the widget and its event, then fails: both must roll back. */
    @Transactional
    public UUID createThenFail(String name) {
        create(name);
        throw new IllegalStateException("failing on purpose after the outbox write");
    }

    @EventHandler
    void on(WidgetCreated event) {
        if (event.name().startsWith("poison")) {
            poisonAttempts.incrementAndGet();
            if (poisonFails.get()) {
                throw new IllegalStateException("poison widget " + event.widgetId());
            }
        }
        jdbc.sql("""
                insert into widget_seen (id, name, times) values (?, ?, 1)
                on conflict (id) do update set times = widget_seen.times + 1
                """).params(event.widgetId(), event.name()).update();
    }

    public void poisonFails(boolean fails) {
        poisonFails.set(fails);
        poisonAttempts.set(0);
    }

    public int poisonAttempts() {
        return poisonAttempts.get();
    }

    public int timesSeen(UUID id) {
        return jdbc.sql("select coalesce(max(times), 0) from widget_seen where id = ?").param(id).query(Integer.class)
                .single();
    }

    public int seenCount() {
        return jdbc.sql("select count(*) from widget_seen").query(Integer.class).single();
    }
}
