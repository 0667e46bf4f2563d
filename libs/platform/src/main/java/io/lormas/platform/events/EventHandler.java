package io.lormas.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method that handles one event type. The first parameter is the event record (annotated with
 * {@link io.lormas.contracts.EventType}); an optional second parameter receives the
 * {@link io.lormas.contracts.EventEnvelope}.
 * <pre>{@code
 * @EventHandler
 * void on(PlanCreated event) { plans.upsert(...); }
 * }</pre>
 * The handler runs in a transaction together with the inbox row that marks the event processed: its writes
 * commit exactly once per event and subscription, however often the broker delivers it. A handler that throws
 * is retried with backoff; after {@link EventSettings#maxAttempts()} the message goes to the dead-letter topic.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EventHandler {
}
