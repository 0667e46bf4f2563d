package io.lormas.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

class AgentCommandLineTest {

    @Test
    void readsRegister() {
        assertThat(AgentCommandLine.parse("register", "--url", "https://panel.example.com", "--token", "t-1"))
                .isEqualTo(new AgentCommandLine.Register(URI.create("https://panel.example.com"), "t-1", null, false));
        assertThat(AgentCommandLine.parse("register", "--token", "t", "--url", "http://127.0.0.1:8080", "--hostname", "n1", "--force"))
                .isEqualTo(new AgentCommandLine.Register(URI.create("http://127.0.0.1:8080"), "t", "n1", true));
    }

    @Test
    void readsRunAndHelp() {
        assertThat(AgentCommandLine.parse("run")).isEqualTo(new AgentCommandLine.Run());
        assertThat(AgentCommandLine.parse()).isEqualTo(new AgentCommandLine.Help());
        assertThat(AgentCommandLine.parse("--help")).isEqualTo(new AgentCommandLine.Help());
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> AgentCommandLine.parse("register", "--url", "https://x")).hasMessageContaining("--token");
        assertThatThrownBy(() -> AgentCommandLine.parse("register", "--url", "ftp://x", "--token", "t")).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> AgentCommandLine.parse("register", "--url", "--token", "t")).hasMessageContaining("--url needs a value");
        assertThatThrownBy(() -> AgentCommandLine.parse("serve")).hasMessageContaining("unknown command 'serve'");
        assertThatThrownBy(() -> AgentCommandLine.parse("run", "now")).hasMessageContaining("no arguments");
    }
}
