package io.lormas.deploy.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * This replica's console connections and their Redis subscriptions: one channel subscription per server with at
 * least one local connection, whose frames go to every local connection of that server. Every replica subscribes
 * for its own connections, so it does not matter which replica a browser reached.
 */
@Component
class ConsoleFanout {

    private static final Logger log = LoggerFactory.getLogger(ConsoleFanout.class);

    private final RedisMessageListenerContainer container;
    private final Map<UUID, Subscription> subscriptions = new ConcurrentHashMap<>();

    ConsoleFanout(RedisMessageListenerContainer container) {
        this.container = container;
    }

    private final class Subscription implements MessageListener {

        final UUID serverId;
        final Set<WebSocketSession> sessions = ConcurrentHashMap.newKeySet();

        Subscription(UUID serverId) {
            this.serverId = serverId;
        }

        @Override
        public void onMessage(Message message, byte[] pattern) {
            TextMessage frame = new TextMessage(new String(message.getBody(), StandardCharsets.UTF_8));
            for (WebSocketSession session : sessions) {
                send(session, frame);
            }
        }
    }

    void join(UUID serverId, WebSocketSession session) {
        subscriptions.compute(serverId, (id, existing) -> {
            Subscription subscription = existing;
            if (subscription == null) {
                subscription = new Subscription(id);
                container.addMessageListener(subscription, new ChannelTopic(ConsoleChannels.channel(id)));
            }
            subscription.sessions.add(session);
            return subscription;
        });
    }

    void leave(UUID serverId, WebSocketSession session) {
        subscriptions.computeIfPresent(serverId, (id, subscription) -> {
            subscription.sessions.remove(session);
            if (subscription.sessions.isEmpty()) {
                container.removeMessageListener(subscription, new ChannelTopic(ConsoleChannels.channel(id)));
                return null;
            }
            return subscription;
        });
    }

    /** Every open connection of this replica (for the periodic access re-check). */
    Set<Map.Entry<UUID, Set<WebSocketSession>>> connections() {
        Map<UUID, Set<WebSocketSession>> all = new java.util.HashMap<>();
        subscriptions.forEach((id, subscription) -> all.put(id, Set.copyOf(subscription.sessions)));
        return all.entrySet();
    }

    static void send(WebSocketSession session, TextMessage frame) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.sendMessage(frame); // sessions are wrapped in ConcurrentWebSocketSessionDecorator
        } catch (IOException | IllegalStateException e) {
            log.debug("console frame to {} not sent: {}", session.getId(), e.toString());
        }
    }
}
