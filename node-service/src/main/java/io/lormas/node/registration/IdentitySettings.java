package io.lormas.node.registration;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How node-service reaches identity-service to create and delete agents' OAuth clients.
 *
 * @param url identity-service's own URL (service to service, not through the gateway)
 * @param clientId node-service's platform client, holding {@code identity.clients.write}
 * @param clientSecret its secret (never logged)
 * @param timeout connect and read timeout of one call
 */
@ConfigurationProperties("lormas.node.identity")
public record IdentitySettings(@DefaultValue("http://127.0.0.1:9001") URI url,
        @DefaultValue("node-service") String clientId, @DefaultValue("") String clientSecret,
        @DefaultValue("5s") Duration timeout) {

    @Override
    public String toString() {
        return "IdentitySettings[url=" + url + ", clientId=" + clientId + ", clientSecret=***, timeout=" + timeout + "]";
    }
}
