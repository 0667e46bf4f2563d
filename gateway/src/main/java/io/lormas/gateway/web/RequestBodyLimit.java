package io.lormas.gateway.web;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies above the route's limit with a 413 problem: a declared Content-Length before anything is
 * sent upstream, a body without one (chunked) as soon as it grows past the limit. Route metadata
 * {@code max-body-size} (e.g. {@code 25MB}) overrides {@link HttpSettings#maxBodySize()}.
 */
@Component
class RequestBodyLimit implements GlobalFilter, Ordered {

    static final String METADATA = "max-body-size";

    private final long defaultLimit;

    RequestBodyLimit(HttpSettings settings) {
        this.defaultLimit = settings.maxBodySize().toBytes();
    }

    @Override
    public int getOrder() {
        return -300;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long limit = limitOf(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR));
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return Problems.write(exchange, Problem.tooLarge(limit));
        }
        if (declared >= 0) {
            // framing guarantees the body is no longer than declared
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new LimitedBody(request, limit)).build());
    }

    private long limitOf(Route route) {
        Object configured = route == null ? null : route.getMetadata().get(METADATA);
        return configured == null ? defaultLimit : DataSize.parse(configured.toString()).toBytes();
    }

    /** A request whose body fails with a 413 problem once more than the limit has arrived. */
    private static final class LimitedBody extends ServerHttpRequestDecorator {

        private final long limit;

        LimitedBody(ServerHttpRequest delegate, long limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                    DataBufferUtils.release(buffer);
                    sink.error(new ProblemException(Problem.tooLarge(limit)));
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
