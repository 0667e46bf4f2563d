package io.lormas.platform.testapp;

import java.util.UUID;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

@EventType(name = "test.widget.created", stream = "test.widget")
public record WidgetCreated(UUID widgetId, String name) implements LormasEvent {

    @Override
    public String aggregateId() {
        return widgetId.toString();
    }
}
