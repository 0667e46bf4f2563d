package io.lormas.node.node;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lormas.platform.web.FieldViolation;
import io.lormas.platform.web.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeSpecsTest {

    private static final UUID REGION = UUID.randomUUID();

    private static NodeInput input(List<NodeSpec.Range> ranges) {
        return new NodeInput("node-1", null, "eu", "Node1.Example.COM", List.of("2001:db8::1", "203.0.113.5"),
                Map.of("tier", "gold"), 4000L, 8192L, 10240L, null, 50, null, ranges, null, null, null);
    }

    private static List<String> fields(Throwable problem) {
        return ((ProblemException) problem).errors().stream().map(FieldViolation::field).toList();
    }

    @Test
    void normalisesAValidNode() {
        NodeSpec spec = NodeSpecs.forCreate(input(List.of(new NodeSpec.Range("203.0.113.5", 25565, 25600))),
                (code, field) -> REGION);

        assertThat(spec.fqdn()).isEqualTo("node1.example.com");
        assertThat(spec.regionId()).isEqualTo(REGION);
        assertThat(spec.addresses()).containsExactly("2001:db8:0:0:0:0:0:1", "203.0.113.5");
        assertThat(spec.memoryOverallocationPercent()).isEqualTo(50);
        assertThat(spec.cpuOverallocationPercent()).isZero();
        assertThat(spec.schedulable()).isTrue();
        assertThat(spec.maintenance()).isFalse();
    }

    @Test
    void rejectsOverlappingRangesOnTheSameIpAndOnTheWildcard() {
        assertThatThrownBy(() -> NodeSpecs.forCreate(input(List.of(new NodeSpec.Range("203.0.113.5", 100, 200),
                new NodeSpec.Range("203.0.113.6", 150, 250), new NodeSpec.Range("0.0.0.0", 199, 199))),
                (code, field) -> REGION))
                .satisfies(problem -> assertThat(fields(problem)).containsExactly("portRanges[2]"));
    }

    @Test
    void acceptsAdjacentRangesAndTheSamePortsOnOtherIps() {
        NodeSpec spec = NodeSpecs.forCreate(input(List.of(new NodeSpec.Range("203.0.113.5", 100, 200),
                new NodeSpec.Range("203.0.113.5", 201, 300), new NodeSpec.Range("203.0.113.6", 100, 300),
                new NodeSpec.Range("::", 100, 300))), (code, field) -> REGION);

        assertThat(spec.portRanges()).hasSize(4);
    }

    @Test
    void rejectsPortsOutOfRangeAndReversedRanges() {
        assertThatThrownBy(() -> NodeSpecs.forCreate(input(List.of(new NodeSpec.Range("203.0.113.5", 0, 10),
                new NodeSpec.Range("203.0.113.5", 500, 400), new NodeSpec.Range("example.com", 1, 2),
                new NodeSpec.Range("203.0.113.5", 65535, 65536))), (code, field) -> REGION))
                .satisfies(problem -> assertThat(fields(problem)).containsExactly("portRanges[0].from",
                        "portRanges[1].to", "portRanges[2].ip", "portRanges[3].to"));
    }

    @Test
    void acceptsHostNamesAndIpAddressesAsFqdn() {
        assertThat(NodeSpecs.isHostName("node-1.example.com")).isTrue();
        assertThat(NodeSpecs.isHostName("node-1.example.com.")).isTrue();
        assertThat(NodeSpecs.isHostName("-bad.example.com")).isFalse();
        assertThat(NodeSpecs.isHostName("a..b")).isFalse();
        assertThat(NodeSpecs.isHostName("256.1.1.1")).as("numeric names are addresses").isFalse();
        assertThat(NodeSpecs.ipLiteral("203.0.113.5")).isNotNull();
        assertThat(NodeSpecs.ipLiteral("fe80::1")).isNotNull();
        assertThat(NodeSpecs.ipLiteral("example.com")).as("never resolved").isNull();
    }

    @Test
    void appliesChangesOnTopOfTheCurrentNode() {
        NodeSpec created = NodeSpecs.forCreate(input(List.of(new NodeSpec.Range("203.0.113.5", 1, 2))),
                (code, field) -> REGION);
        Node current = new Node(UUID.randomUUID(), created.name(), null, REGION, "eu", created.fqdn(),
                "[\"203.0.113.5\"]", "{\"tier\":\"gold\"}", 4000, 8192, 10240, 0, 50, 0, false, true, true,
                "ACTIVE", null, null, true, 1, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, java.time.Instant.now(), java.time.Instant.now(), 0);

        NodeSpec changed = NodeSpecs.forUpdate(current, List.of(new PortRange(current.id(), "203.0.113.5", 1, 2)),
                new NodeInput(null, null, null, null, null, null, 6000L, null, null, null, null, null, null, true,
                        null, null), (code, field) -> REGION);

        assertThat(changed.cpuMillis()).isEqualTo(6000);
        assertThat(changed.maintenance()).isTrue();
        assertThat(changed.memoryOverallocationPercent()).isEqualTo(50);
        assertThat(changed.labels()).containsEntry("tier", "gold");
        assertThat(changed.portRanges()).containsExactly(new NodeSpec.Range("203.0.113.5", 1, 2));
    }
}
