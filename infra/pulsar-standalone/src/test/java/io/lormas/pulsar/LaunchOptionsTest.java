package io.lormas.pulsar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void appliesDefaultsWhenOnlyDataDirIsGiven() {
        var options = LaunchOptions.parse("--data-dir", "/tmp/pulsar-data");

        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/pulsar-data"));
        assertThat(options.brokerPort()).isEqualTo(6650);
        assertThat(options.webPort()).isEqualTo(8081);
        assertThat(options.bookkeeperPort()).isEqualTo(3181);
        assertThat(options.wipe()).isFalse();
        assertThat(options.idleExitMinutes()).isEmpty();
    }

    @Test
    void readsEveryOptionInBothSpellings() {
        var options = LaunchOptions.parse("--data-dir=/srv/p", "--broker-port", "16650", "--web-port=18081",
                "--bookkeeper-port", "13181", "--wipe", "--idle-exit-minutes", "5");

        assertThat(options).isEqualTo(new LaunchOptions(Path.of("/srv/p"), 16650, 18081, 13181, true,
                OptionalInt.of(5)));
        assertThat(options.brokerUrl()).isEqualTo("pulsar://127.0.0.1:16650");
        assertThat(options.webUrl()).isEqualTo("http://127.0.0.1:18081");
    }

    @Test
    void resolvesDataDirAndTheFilesUnderIt() {
        var options = LaunchOptions.parse("--data-dir", "some/../data");
        Path expected = Path.of("data").toAbsolutePath();

        assertThat(options.dataDir()).isEqualTo(expected);
        assertThat(options.metadataDir()).isEqualTo(expected.resolve("metadata"));
        assertThat(options.bookkeeperDir()).isEqualTo(expected.resolve("bookkeeper"));
        assertThat(options.configFile()).isEqualTo(expected.resolve("standalone.conf"));
        assertThat(options.leaseFile()).isEqualTo(expected.resolve("lease"));
        assertThat(options.brokerRecordFile()).isEqualTo(expected.resolve("broker.json"));
    }

    @Test
    void rejectsMissingDataDir() {
        assertThatThrownBy(() -> LaunchOptions.parse("--broker-port", "6650"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("option --data-dir is required");
    }

    @Test
    void rejectsOptionWithoutValue() {
        assertThatThrownBy(() -> LaunchOptions.parse("--data-dir", "/d", "--web-port"))
                .hasMessage("option --web-port needs a value");
        assertThatThrownBy(() -> LaunchOptions.parse("--data-dir", "--wipe"))
                .hasMessage("option --data-dir needs a value");
    }

    @Test
    void rejectsPortsOutOfRangeOrNotNumbers() {
        assertThatThrownBy(() -> LaunchOptions.parse("--data-dir", "/d", "--broker-port", "70000"))
                .hasMessage("option --broker-port must be a port between 1 and 65535, got 70000");
        assertThatThrownBy(() -> LaunchOptions.parse("--data-dir", "/d", "--bookkeeper-port", "0"))
                .hasMessageContaining("--bookkeeper-port must be a port");
        assertThatThrownBy(() -> LaunchOptions.parse("--data-dir", "/d", "--web-port", "http"))
                .hasMessage("option --web-port must be a number, got 'http'");
    }

    @Test
    void rejectsTheSamePortForTwoServices() {
        assertThatThrownBy(() -> LaunchOptions.parse("--data-dir", "/d", "--web-port", "6650"))
                .hasMessageContaining("must differ");
    }

    @Test
    void rejectsIdleMinutesBelowOne() {
        assertThatThrownBy(() -> LaunchOptions.parse("--data-dir", "/d", "--idle-exit-minutes", "0"))
                .hasMessage("option --idle-exit-minutes must be a positive number, got 0");
    }

    @Test
    void rejectsUnknownOptionsStrayArgumentsAndRepeats() {
        assertThatThrownBy(() -> LaunchOptions.parse("--data-dir", "/d", "--port", "1"))
                .hasMessage("unknown option --port");
        assertThatThrownBy(() -> LaunchOptions.parse("--data-dir", "/d", "extra"))
                .hasMessage("unexpected argument 'extra'");
        assertThatThrownBy(() -> LaunchOptions.parse("--data-dir", "/d", "--data-dir=/e"))
                .hasMessage("option --data-dir is given more than once");
        assertThatThrownBy(() -> LaunchOptions.parse("--data-dir", "/d", "--wipe=yes"))
                .hasMessage("option --wipe takes no value");
    }

    @Test
    void recognisesHelpAnywhere() {
        assertThat(LaunchOptions.wantsHelp("--data-dir", "/d", "--help")).isTrue();
        assertThat(LaunchOptions.wantsHelp("-h")).isTrue();
        assertThat(LaunchOptions.wantsHelp("--data-dir", "/d")).isFalse();
    }
}
