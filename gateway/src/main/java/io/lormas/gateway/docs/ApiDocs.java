package io.lormas.gateway.docs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /api/docs}: one page listing every service's OpenAPI document (HTML for people, JSON for tools), and one
 * route per service, {@code /api/docs/<name>} to {@code <service>/v3/api-docs}, with the same breaker and
 * retry as the service's other routes.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    static final String PATH = "/api/docs";

    @Bean
    RouteLocator apiDocsRoutes(RouteLocatorBuilder builder, ApiDocsSettings settings) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        settings.services().forEach((name, uri) -> routes.route("docs-" + name, route -> route
                .path(PATH + "/" + name).and().method(HttpMethod.GET)
                .filters(filters -> filters
                        .setPath("/v3/api-docs")
                        .circuitBreaker(breaker -> breaker.setName("docs-" + name))
                        .retry(retry -> retry.setRetries(2).setMethods(HttpMethod.GET).setSeries()
                                .setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE)))
                .uri(uri)));
        return routes.build();
    }

    @Bean
    RouterFunction<ServerResponse> apiDocsIndex(ApiDocsSettings settings) {
        List<ApiDocument> items = settings.services().keySet().stream()
                .map(name -> new ApiDocument(name, PATH + "/" + name))
                .toList();
        // the list shape every Lormas API uses: {"items": [...], "next": null}
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("items", items);
        index.put("next", null);
        String html = html(settings);
        return RouterFunctions.route()
                .GET(PATH, request -> wantsJson(request)
                        ? ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(index)
                        : ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(html))
                .build();
    }

    /** One entry of the index: the service and where its OpenAPI document is served. */
    record ApiDocument(String service, String url) {
    }

    private static boolean wantsJson(ServerRequest request) {
        List<MediaType> accepted = request.headers().accept();
        return accepted.stream().anyMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType());
    }

    private static String html(ApiDocsSettings settings) {
        StringBuilder list = new StringBuilder();
        settings.services().keySet().forEach(name -> list.append("    <li><a href=\"").append(PATH).append('/')
                .append(HtmlUtils.htmlEscape(name)).append("\">").append(HtmlUtils.htmlEscape(name))
                .append("</a></li>\n"));
        return """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Lormas API documents</title>
                <style>body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; }</style>
                </head>
                <body>
                  <h1>Lormas API documents</h1>
                  <p>One OpenAPI 3 document per service, in JSON. Open one in any OpenAPI viewer, or fetch it with
                  <code>curl</code>. Every API is served under <code>/api</code> on this host and takes a bearer token from
                  identity-service.</p>
                  <ul>
                %s  </ul>
                </body>
                </html>
                """.formatted(list);
    }
}
