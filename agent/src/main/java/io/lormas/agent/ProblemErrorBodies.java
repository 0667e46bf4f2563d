package io.lormas.agent;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import tools.jackson.databind.json.JsonMapper;

/**
 * Error bodies of the health endpoint as RFC 9457 problem+json, written with the Jackson the agent already
 * has (Micronaut's own JSON module is not needed for one endpoint).
 */
@Singleton
final class ProblemErrorBodies implements JsonErrorResponseBodyProvider<String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String body(ErrorContext context, HttpResponse<?> response) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", response.reason());
        problem.put("status", response.code());
        context.getErrors().stream().findFirst().ifPresent(error -> problem.put("detail", error.getMessage()));
        problem.put("instance", context.getRequest().getPath());
        return JSON.writeValueAsString(problem);
    }

    @Override
    public String contentType() {
        return "application/problem+json";
    }
}
