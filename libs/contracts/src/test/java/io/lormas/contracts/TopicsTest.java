package io.lormas.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void namesEventTopicsPerAggregateStream() {
        assertThat(Topics.events("deploy.server")).isEqualTo("persistent://lormas/events/deploy.server");
        assertThat(Topics.events("test/ns1", "node.node")).isEqualTo("persistent://test/ns1/node.node");
    }

    @Test
    void namesOneCommandTopicPerNode() {
        assertThat(Topics.agentCommands("0195F3A0-0000-7000-8000-000000000001"))
                .isEqualTo("persistent://lormas/agents/0195f3a0-0000-7000-8000-000000000001");
    }

    @Test
    void rejectsStreamsThatAreNotServiceDotAggregate() {
        assertThatThrownBy(() -> Topics.events("deploy")).hasMessageContaining("invalid event stream");
        assertThatThrownBy(() -> Topics.events("../x.y")).hasMessageContaining("invalid event stream");
        assertThatThrownBy(() -> Topics.agentCommands("not-a-node")).hasMessageContaining("invalid node id");
    }

    @Test
    void readsTheEventTypeOfARecord() {
        @EventType(name = "test.thing.happened", stream = "test.thing", version = 2)
        record ThingHappened(String aggregateId) implements LormasEvent {
        }

        EventType type = LormasEvent.typeOf(ThingHappened.class);

        assertThat(type.name()).isEqualTo("test.thing.happened");
        assertThat(type.version()).isEqualTo(2);
        assertThatThrownBy(() -> LormasEvent.typeOf(String.class)).hasMessageContaining("not annotated");
    }
}
