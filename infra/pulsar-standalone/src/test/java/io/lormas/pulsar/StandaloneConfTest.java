package io.lormas.pulsar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StandaloneConfTest {

    private final LaunchOptions options =
            LaunchOptions.parse("--data-dir", "/srv/pulsar", "--broker-port", "16650", "--web-port", "18081",
                    "--bookkeeper-port", "13181");

    @Test
    void writesSingleNodeLoopbackBrokerSettings() throws IOException {
        Properties conf = load(StandaloneConf.render(options));

        assertThat(conf)
                .containsEntry("clusterName", "standalone")
                .containsEntry("bindAddress", "127.0.0.1")
                .containsEntry("advertisedAddress", "127.0.0.1")
                .containsEntry("brokerServicePort", "16650")
                .containsEntry("webServicePort", "18081")
                .containsEntry("managedLedgerDefaultEnsembleSize", "1")
                .containsEntry("managedLedgerDefaultWriteQuorum", "1")
                .containsEntry("managedLedgerDefaultAckQuorum", "1")
                .containsEntry("transactionCoordinatorEnabled", "false")
                .containsEntry("brokerDeleteInactiveTopicsEnabled", "false")
                .containsEntry("functionsWorkerEnabled", "false");
    }

    @Test
    void keepsEventsForAWeekEvenWithoutSubscriptions() throws IOException {
        Properties conf = load(StandaloneConf.render(options));

        assertThat(conf)
                .containsEntry("defaultRetentionTimeInMinutes", "10080")
                .containsEntry("defaultRetentionSizeInMB", "1024");
    }

    @Test
    void writesLoopbackBookieSettingsThatHonourTheBookiePort() throws IOException {
        Properties conf = load(StandaloneConf.render(options));

        assertThat(conf)
                .containsEntry("allowEphemeralPorts", "true")
                .containsEntry("listeningInterface", "lo")
                .containsEntry("allowLoopback", "true")
                .containsEntry("dbStorage_writeCacheMaxSizeMb", "16")
                .containsEntry("dbStorage_readAheadCacheMaxSizeMb", "16");
    }

    @Test
    void writesEachKeyOnceAndNothingButKeysAndComments() {
        String text = StandaloneConf.render(options);

        assertThat(text.lines().filter(l -> !l.startsWith("#")))
                .allMatch(l -> l.matches("[A-Za-z][A-Za-z0-9_]*=[^=\\s]+"))
                .hasSize(StandaloneConf.settings(options).size());
    }

    @Test
    void passesDirectoriesPortAndNoOptionalServicesToPulsar() {
        assertThat(StarterArguments.of(options)).containsExactly(
                "--config", Path.of("/srv/pulsar/standalone.conf").toString(),
                "--no-functions-worker",
                "--no-stream-storage",
                "--metadata-dir", Path.of("/srv/pulsar/metadata").toString(),
                "--bookkeeper-dir", Path.of("/srv/pulsar/bookkeeper").toString(),
                "--bookkeeper-port", "13181",
                "--zookeeper-dir", Path.of("/srv/pulsar/zookeeper").toString());
    }

    @Test
    void asksPulsarToWipeDataOnlyWhenToldTo() {
        assertThat(StarterArguments.of(options)).doesNotContain("--wipe-data");
        assertThat(StarterArguments.of(LaunchOptions.parse("--data-dir", "/d", "--wipe"))).endsWith("--wipe-data");
    }

    private static Properties load(String text) throws IOException {
        var properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }
}
