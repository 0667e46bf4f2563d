package io.lormas.deploy.power.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.lormas.deploy.power.PowerActions;
import io.lormas.deploy.server.PowerSignal;
import io.lormas.deploy.server.Server;
import io.lormas.platform.security.Principals;
import io.lormas.platform.web.FieldViolation;
import io.lormas.platform.web.ProblemException;

/** {@code POST /api/servers/{id}/power {"signal": "start|stop|restart|kill"}}: 202 with the new state. */
@RestController
class PowerController {

    private final PowerActions power;

    PowerController(PowerActions power) {
        this.power = power;
    }

    record PowerRequest(@NotNull String signal) {
    }

    @PostMapping("/api/servers/{id}/power")
    ResponseEntity<Map<String, Object>> power(@PathVariable UUID id, @Valid @RequestBody PowerRequest request) {
        PowerSignal signal = PowerSignal.parse(request.signal());
        if (signal == null) {
            throw ProblemException.badRequest("unknown signal '" + request.signal() + "'",
                    List.of(new FieldViolation("signal", "must be one of start, stop, restart, kill")));
        }
        Server server = power.signal(id, signal, Principals.require());
        return ResponseEntity.accepted().body(Map.of("id", server.id(), "signal", signal.wire(), "state",
                server.state().wire()));
    }
}
