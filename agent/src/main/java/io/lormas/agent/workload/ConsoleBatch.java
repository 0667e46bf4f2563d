package io.lormas.agent.workload;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import io.lormas.agent.config.ConsoleSettings;
import io.lormas.contracts.agent.Console;

/**
 * Console lines of one server waiting to be sent, behind a token bucket: a server may print
 * {@code burstLines} at once and {@code linesPerSecond} after that; lines above the rate are dropped and
 * counted, and the count travels in the next frame's {@code dropped}. Thread-safe.
 */
final class ConsoleBatch {

    private final String serverId;
    private final Console.Source source;
    private final double ratePerNano;
    private final int burst;
    private final int maxLinesPerFrame;
    private final int maxLineLength;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private double tokens;
    private long refilledAt;
    private int dropped;

    ConsoleBatch(String serverId, Console.Source source, ConsoleSettings settings, long nowNanos) {
        this.serverId = serverId;
        this.source = source;
        this.ratePerNano = settings.linesPerSecond() / 1e9;
        this.burst = Math.max(1, settings.burstLines());
        this.maxLinesPerFrame = Math.max(1, settings.maxLinesPerFrame());
        this.maxLineLength = Math.max(16, settings.maxLineLength());
        this.tokens = burst;
        this.refilledAt = nowNanos;
    }

    String serverId() {
        return serverId;
    }

    synchronized void offer(String line, long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - refilledAt) * ratePerNano);
        refilledAt = nowNanos;
        if (tokens < 1) {
            dropped++;
            return;
        }
        tokens -= 1;
        lines.add(line.length() > maxLineLength ? line.substring(0, maxLineLength) : line);
    }

    /** Frames for everything waiting; the first carries the dropped count. Empty when nothing waits. */
    synchronized List<Console> drain() {
        List<Console> frames = new ArrayList<>();
        while (!lines.isEmpty() || dropped > 0) {
            List<String> chunk = new ArrayList<>(Math.min(lines.size(), maxLinesPerFrame));
            while (!lines.isEmpty() && chunk.size() < maxLinesPerFrame) {
                chunk.add(lines.poll());
            }
            frames.add(new Console(serverId, source, chunk, dropped));
            dropped = 0;
        }
        return frames;
    }

    /** Nobody to send to: what waits counts as dropped, reported once a session is back. */
    synchronized void discard() {
        dropped += lines.size();
        lines.clear();
    }
}
