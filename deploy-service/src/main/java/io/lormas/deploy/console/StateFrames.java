package io.lormas.deploy.console;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.deploy.server.ServerStateChanged;

/**
 * Tells every console of a server (on every replica) its new state, through the same Redis channel node-service
 * fans console lines out on, once the change committed. Redis is for what may be lost: a missed frame is
 * corrected by the next one or a reconnect.
 */
@Component
class StateFrames {

    private static final Logger log = LoggerFactory.getLogger(StateFrames.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    StateFrames(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ServerStateChanged change) {
        try {
            redis.convertAndSend(ConsoleChannels.channel(change.serverId()),
                    json.writeValueAsString(Map.of("event", "state", "state", change.state().wire())));
        } catch (RuntimeException e) {
            log.debug("state frame of {} not published: {}", change.serverId(), e.toString());
        }
    }
}
