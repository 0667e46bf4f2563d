package io.lormas.eggs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StopActionTest {

    @Test
    void readsTextWithoutCaretAsAConsoleCommand() {
        assertThat(StopAction.parse("stop")).isEqualTo(new StopAction.Command("stop"));
        assertThat(StopAction.parse("/shutdown 0").notation()).isEqualTo("/shutdown 0");
    }

    @Test
    void readsCaretNotationAsSignals() {
        assertThat(signal("^C")).isEqualTo("SIGINT");
        assertThat(signal("^c")).isEqualTo("SIGINT");
        assertThat(signal("^C^C")).isEqualTo("SIGINT");
        assertThat(signal("^^C")).isEqualTo("SIGKILL");
        assertThat(signal("^SIGTERM")).isEqualTo("SIGTERM");
        assertThat(signal("^TERM")).isEqualTo("SIGTERM");
    }

    @Test
    void fallsBackToKillForCaretsThatNameNoSignal() {
        StopAction.Signal odd = (StopAction.Signal) StopAction.parse("^X");

        assertThat(odd.isKnown()).isFalse();
        assertThat(odd.signalName()).isEqualTo("SIGKILL");
        assertThat(odd.notation()).isEqualTo("^X");
    }

    private static String signal(String notation) {
        return ((StopAction.Signal) StopAction.parse(notation)).signalName();
    }
}
