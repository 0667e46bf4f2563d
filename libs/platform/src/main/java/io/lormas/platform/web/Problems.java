package io.lormas.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Builds and writes problem+json documents with the fields every Lormas error carries. */
public final class Problems {

    public static final String TYPE_BASE = "https://lormas.dev/problems/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    public static URI type(String kind) {
        return URI.create(TYPE_BASE + kind);
    }

    public static ProblemDetail detail(HttpStatus status, String kind, String title, String detail,
            List<FieldViolation> errors, @Nullable HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(kind));
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        decorate(problem, request);
        return problem;
    }

    /** Adds instance and requestId. */
    public static void decorate(ProblemDetail problem, @Nullable HttpServletRequest request) {
        if (request != null && problem.getInstance() == null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        String requestId = RequestIds.current();
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
    }

    /** Writes a problem directly (filters and security handlers run outside MVC's exception handling). */
    public static void write(HttpServletResponse response, HttpServletRequest request, ProblemException problem)
            throws IOException {
        ProblemDetail detail = detail(problem.status(), problem.kind(), problem.title(),
                problem.getMessage(), problem.errors(), request);
        problem.properties().forEach(detail::setProperty);
        if (problem.retryAfter() != null) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, problem.retryAfter().toSeconds())));
        }
        write(response, detail);
    }

    public static void write(HttpServletResponse response, ProblemDetail detail) throws IOException {
        response.setStatus(detail.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", detail.getType().toString());
        body.put("title", detail.getTitle());
        body.put("status", detail.getStatus());
        if (detail.getDetail() != null) {
            body.put("detail", detail.getDetail());
        }
        if (detail.getInstance() != null) {
            body.put("instance", detail.getInstance().toString());
        }
        if (detail.getProperties() != null) {
            body.putAll(detail.getProperties());
        }
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
