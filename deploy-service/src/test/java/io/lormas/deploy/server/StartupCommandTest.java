package io.lormas.deploy.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class StartupCommandTest {

    @Test
    void replacesVariablesAndPlatformValues() {
        String rendered = StartupCommand.render(
                "java -Xmx{{SERVER_MEMORY}}M -jar {{SERVER_JARFILE}} --port {{server.build.default.port}} {{env.MODE}}",
                Map.of("SERVER_MEMORY", "1024", "SERVER_JARFILE", "server.jar", "SERVER_PORT", "25565", "MODE", "nogui"));

        assertThat(rendered).isEqualTo("java -Xmx1024M -jar server.jar --port 25565 nogui");
    }

    @Test
    void keepsUnknownPlaceholdersAsWritten() {
        assertThat(StartupCommand.render("./run {{NOPE}} {{ SERVER_PORT }}", Map.of("SERVER_PORT", "1")))
                .isEqualTo("./run {{NOPE}} 1");
    }

    @Test
    void insertsValuesLiterallyEvenWithDollarSigns() {
        assertThat(StartupCommand.render("echo {{MOTD}}", Map.of("MOTD", "$HOME \\ $1")))
                .isEqualTo("echo $HOME \\ $1");
    }
}
