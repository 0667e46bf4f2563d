package io.lormas.gateway.web;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the built web SPA lives.
 *
 * @param dir a directory with {@code index.html} and its assets; blank or absent = a small built-in page
 */
@ConfigurationProperties("lormas.gateway.spa")
public record SpaSettings(@Nullable String dir) {
}
