package io.lormas.gateway.docs;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The services whose OpenAPI documents {@code /api/docs} lists, in order.
 *
 * @param services service name to its base URL; the document is {@code <url>/v3/api-docs}, served publicly at
 *        {@code /api/docs/<name>}
 */
@ConfigurationProperties("lormas.gateway.docs")
public record ApiDocsSettings(Map<String, URI> services) {

    public ApiDocsSettings {
        services = services == null ? Map.of() : new LinkedHashMap<>(services);
    }
}
