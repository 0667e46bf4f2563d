package io.lormas.contracts;

/**
 * An event record that crosses services. Implementations are annotated with {@link EventType}
 * and carry ids and the facts consumers need, never whole aggregates.
 */
public interface LormasEvent {

    /** The aggregate this event is about: the Pulsar message key, so events of one aggregate stay ordered. */
    String aggregateId();

    /** The {@link EventType} of an event class; fails clearly when the annotation is missing. */
    static EventType typeOf(Class<?> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not annotated with @EventType");
        }
        return type;
    }
}
