package io.lormas.deploy.server.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A list answer: {@code {"items": [...], "next": "<cursor or null>"}}. */
public record Page<T>(List<T> items, @Nullable String next) {
}
