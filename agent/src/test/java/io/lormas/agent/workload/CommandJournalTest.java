package io.lormas.agent.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

import io.lormas.agent.config.AgentSettings;
import io.lormas.agent.config.StateDirectory;
import io.lormas.contracts.agent.CommandResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandJournalTest {

    @TempDir
    Path root;

    private CommandJournal open(int capacity) {
        AgentSettings settings = new AgentSettings(root.toString(), root.resolve("data").toString(), 1000, 1000, null,
                Duration.ofSeconds(1), capacity);
        return new CommandJournal(new StateDirectory(settings), settings);
    }

    @Test
    void remembersResultsAcrossRestarts() {
        CommandResult created = CommandResult.success("c1", Map.of("containerId", "abc"));
        CommandResult failed = CommandResult.failure("c2", "image_missing", "no image");
        try (CommandJournal journal = open(100)) {
            journal.record(created);
            journal.record(failed);
        }

        try (CommandJournal reopened = open(100)) {
            assertThat(reopened.find("c1")).contains(created);
            assertThat(reopened.find("c2")).contains(failed);
            assertThat(reopened.find("c3")).isEmpty();
        }
    }

    @Test
    void skipsATornLastLineAndKeepsAppending() throws Exception {
        try (CommandJournal journal = open(100)) {
            journal.record(CommandResult.success("c1", Map.of()));
        }
        Files.writeString(root.resolve("commands.jsonl"), "{\"type\":\"command_result\",\"commandId\":\"c2\",\"sta",
                StandardOpenOption.APPEND);

        try (CommandJournal journal = open(100)) {
            assertThat(journal.find("c1")).isPresent();
            assertThat(journal.find("c2")).isEmpty();
            journal.record(CommandResult.success("c3", Map.of()));
        }
        try (CommandJournal journal = open(100)) {
            assertThat(journal.find("c3")).isPresent();
        }
    }

    @Test
    void keepsTheNewestResultsWithinItsCapacity() throws Exception {
        try (CommandJournal journal = open(100)) {
            for (int i = 0; i < 450; i++) {
                journal.record(CommandResult.success("c" + i, Map.of("n", i)));
            }
            assertThat(journal.find("c0")).isEmpty();
            assertThat(journal.find("c449")).isPresent();
        }
        assertThat(Files.readAllLines(root.resolve("commands.jsonl")).size()).isLessThanOrEqualTo(200);
        try (CommandJournal journal = open(100)) {
            assertThat(journal.find("c350")).isPresent();
            assertThat(journal.find("c349")).isEmpty();
        }
    }
}
