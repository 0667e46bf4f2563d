package io.lormas.agent.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import io.lormas.agent.config.AgentSettings;
import io.lormas.agent.config.StateDirectory;
import io.lormas.contracts.agent.AgentProtocol;
import io.lormas.contracts.agent.CommandResult;
import io.lormas.contracts.agent.ProtocolException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The results of the last commands, by command id, so a command sent twice (also across an agent restart)
 * is answered with the result recorded the first time instead of being executed again. An append-only file of
 * {@code command_result} frames, synced on every write and compacted when it grows past twice the capacity;
 * a torn last line after a crash is skipped.
 */
@Singleton
final class CommandJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommandJournal.class);

    private final StateDirectory state;
    private final Path file;
    private final int capacity;
    private final LinkedHashMap<String, CommandResult> results = new LinkedHashMap<>();
    private FileChannel channel;
    private int linesInFile;

    CommandJournal(StateDirectory state, AgentSettings settings) {
        this.state = state;
        this.file = state.file("commands.jsonl");
        this.capacity = Math.max(100, settings.commandHistory());
        load();
        this.channel = open();
    }

    synchronized Optional<CommandResult> find(String commandId) {
        return Optional.ofNullable(results.get(commandId));
    }

    synchronized void record(CommandResult result) {
        results.remove(result.commandId());
        results.put(result.commandId(), result);
        evictOverCapacity();
        byte[] line = (AgentProtocol.encode(result) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            channel.write(ByteBuffer.wrap(line));
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the result of command " + result.commandId(), e);
        }
        if (++linesInFile > 2 * capacity) {
            compact();
        }
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        // A crash in the middle of an append leaves a line without its newline: rewrite the file so the
        // next append does not glue onto it.
        boolean torn = content.length > 0 && content[content.length - 1] != '\n';
        List<String> lines = new String(content, StandardCharsets.UTF_8).lines().toList();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                if (AgentProtocol.decodeFromAgent(line) instanceof CommandResult result) {
                    results.remove(result.commandId());
                    results.put(result.commandId(), result);
                }
            } catch (ProtocolException e) {
                LOG.warn("skipping an unreadable line of {} (torn write?): {}", file, e.getMessage());
            }
        }
        evictOverCapacity();
        linesInFile = lines.size();
        if (torn || linesInFile > 2 * capacity) {
            compactFile();
        }
    }

    private void evictOverCapacity() {
        Iterator<String> oldest = results.keySet().iterator();
        while (results.size() > capacity && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    private void compact() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing {} failed", file, e);
        }
        compactFile();
        channel = open();
    }

    private void compactFile() {
        StringBuilder content = new StringBuilder();
        for (CommandResult result : results.values()) {
            content.append(AgentProtocol.encode(result)).append('\n');
        }
        state.write(file, content.toString().getBytes(StandardCharsets.UTF_8));
        linesInFile = results.size();
    }

    private FileChannel open() {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            return FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing {} failed", file, e);
        }
    }
}
