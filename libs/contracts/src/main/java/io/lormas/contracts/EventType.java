package io.lormas.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an event record and the stream it is published to.
 *
 * <pre>{@code
 * @EventType(name = "deploy.server.created", stream = "deploy.server")
 * public record ServerCreated(UUID serverId, ...) implements LormasEvent { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** Past-tense event name: {@code <service>.<aggregate>.<what-happened>}. */
    String name();

    /** Aggregate stream: {@code <service>.<aggregate>}; the topic is {@link Topics#events(String, String)}. */
    String stream();

    /** Payload schema version. */
    int version() default 1;
}
