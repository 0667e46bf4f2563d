package io.lormas.gateway.web;

import java.net.InetSocketAddress;

import org.springframework.web.server.ServerWebExchange;

/**
 * The address of the client behind a request: the peer, or, behind a trusted proxy, the address that proxy saw
 * (decided by security.IdentityHeaderStripping, which records it here). Used for anonymous rate limits and the
 * access log; never taken from a header an untrusted peer sent.
 */
public final class ClientAddress {

    private static final String ATTRIBUTE = ClientAddress.class.getName();

    private ClientAddress() {
    }

    public static void remember(ServerWebExchange exchange, String address) {
        exchange.getAttributes().put(ATTRIBUTE, address);
    }

    public static String of(ServerWebExchange exchange) {
        String remembered = exchange.getAttribute(ATTRIBUTE);
        return remembered != null ? remembered : peer(exchange);
    }

    /** The address of the TCP peer, without port. */
    public static String peer(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
