package io.lormas.agent.controlplane;

import java.net.InetAddress;
import java.net.URI;

/**
 * Registration tokens, client secrets and access tokens travel only over TLS, unless the control plane is on
 * this machine (loopback) or the operator allowed plain transport explicitly.
 */
final class TransportSecurity {

    private TransportSecurity() {
    }

    static void require(URI uri, boolean allowInsecure) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (scheme.equals("https") || scheme.equals("wss") || allowInsecure || isLoopback(uri.getHost())) {
            return;
        }
        throw new IllegalArgumentException(uri + " is not encrypted: use https:// or wss://, or set "
                + "lormas.agent.control-plane.allow-insecure=true (LORMAS_AGENT_CONTROL_PLANE_ALLOW_INSECURE) knowingly");
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        if (host.equals("localhost")) {
            return true;
        }
        try {
            String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            return InetAddress.ofLiteral(literal).isLoopbackAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
