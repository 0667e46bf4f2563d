package io.lormas.agent;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.Map;

import io.lormas.agent.controlplane.ControlPlaneLink;
import io.lormas.agent.runtime.ContainerRuntime;
import io.lormas.agent.runtime.EngineFacts;
import io.lormas.agent.runtime.RuntimeFailure;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /health} on the agent's local port: UP (200) while the container engine answers, DOWN (503)
 * otherwise; shows the control-plane session and the JVM's memory, which operators size {@code -Xmx} by.
 */
@Controller("/health")
final class HealthController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ContainerRuntime runtime;
    private final ControlPlaneLink link;

    HealthController(ContainerRuntime runtime, ControlPlaneLink link) {
        this.runtime = runtime;
        this.link = link;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING) // asks the engine: not on the event loop
    HttpResponse<String> health() {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> engine = new LinkedHashMap<>();
        boolean up;
        try {
            EngineFacts facts = runtime.engine();
            engine.put("reachable", true);
            engine.put("name", facts.name());
            engine.put("version", facts.version());
            up = true;
        } catch (RuntimeFailure e) {
            engine.put("reachable", false);
            engine.put("problem", e.getMessage());
            up = false;
        }
        ControlPlaneLink.Status session = link.status();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        body.put("status", up ? "UP" : "DOWN");
        body.put("engine", engine);
        body.put("controlPlane", Map.of("connected", session.connected(), "sessionEpoch", session.sessionEpoch(),
                "sessions", session.sessions(), "lastProblem", session.lastProblem()));
        body.put("jvm", Map.of("heapUsedBytes", heap.getUsed(), "heapCommittedBytes", heap.getCommitted(),
                "heapMaxBytes", heap.getMax(), "threads", ManagementFactory.getThreadMXBean().getThreadCount()));
        return HttpResponse.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(JSON.writeValueAsString(body));
    }
}
