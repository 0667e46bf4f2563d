package io.lormas.gateway.routing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.reactivestreams.Publisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Closes proxied WebSocket sessions that stay silent longer than {@link WebSocketSettings#idleTimeout()}: the
 * gateway's client-side session is closed with 1001, and SCG's proxy carries the close to the upstream. Wraps the
 * {@link WebSocketService} SCG's WebsocketRoutingFilter uses, since SCG offers no idle limit of its own.
 */
class IdleWebSocketSessions implements BeanPostProcessor {

    private final ObjectProvider<WebSocketSettings> settings;

    IdleWebSocketSessions(ObjectProvider<WebSocketSettings> settings) {
        this.settings = settings;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof WebSocketService service) {
            return new IdleClosingService(service, settings.getObject().idleTimeout());
        }
        return bean;
    }

    private record IdleClosingService(WebSocketService delegate, Duration idleTimeout) implements WebSocketService {

        @Override
        public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) {
            return delegate.handleRequest(exchange, new WebSocketHandler() {
                @Override
                public List<String> getSubProtocols() {
                    return handler.getSubProtocols();
                }

                @Override
                public Mono<Void> handle(WebSocketSession session) {
                    ActivityTrackingSession tracked = new ActivityTrackingSession(session);
                    Duration check = Duration.ofMillis(Math.max(100, idleTimeout.toMillis() / 5));
                    Disposable watchdog = Flux.interval(check)
                            .filter(tick -> tracked.idleFor() >= idleTimeout.toNanos())
                            .next()
                            .flatMap(tick -> session.close(CloseStatus.GOING_AWAY.withReason("idle timeout")))
                            .subscribe();
                    return handler.handle(tracked).doFinally(signal -> watchdog.dispose());
                }
            });
        }
    }

    /** A session that remembers when a frame last went through it, either way. */
    private static final class ActivityTrackingSession implements WebSocketSession {

        private final WebSocketSession delegate;
        private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());

        ActivityTrackingSession(WebSocketSession delegate) {
            this.delegate = delegate;
        }

        long idleFor() {
            return System.nanoTime() - lastActivity.get();
        }

        private void touch() {
            lastActivity.set(System.nanoTime());
        }

        @Override
        public Flux<WebSocketMessage> receive() {
            return delegate.receive().doOnNext(message -> touch());
        }

        @Override
        public Mono<Void> send(Publisher<WebSocketMessage> messages) {
            return delegate.send(Flux.from(messages).doOnNext(message -> touch()));
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public HandshakeInfo getHandshakeInfo() {
            return delegate.getHandshakeInfo();
        }

        @Override
        public DataBufferFactory bufferFactory() {
            return delegate.bufferFactory();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return delegate.getAttributes();
        }

        @Override
        public boolean isOpen() {
            return delegate.isOpen();
        }

        @Override
        public Mono<Void> close(CloseStatus status) {
            return delegate.close(status);
        }

        @Override
        public Mono<CloseStatus> closeStatus() {
            return delegate.closeStatus();
        }

        @Override
        public WebSocketMessage textMessage(String payload) {
            return delegate.textMessage(payload);
        }

        @Override
        public WebSocketMessage binaryMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
            return delegate.binaryMessage(payloadFactory);
        }

        @Override
        public WebSocketMessage pingMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
            return delegate.pingMessage(payloadFactory);
        }

        @Override
        public WebSocketMessage pongMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
            return delegate.pongMessage(payloadFactory);
        }
    }
}
