package io.lormas.pulsar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerRecordTest {

    @TempDir
    Path dir;

    private final BrokerRecord record = new BrokerRecord(4242, "pulsar://127.0.0.1:6650", "http://127.0.0.1:8081");

    @Test
    void writesPidAndUrlsAsJson() {
        assertThat(record.toJson()).isEqualTo(
                "{\"pid\":4242,\"brokerUrl\":\"pulsar://127.0.0.1:6650\",\"webUrl\":\"http://127.0.0.1:8081\"}\n");
    }

    @Test
    void readsBackThePid() throws IOException {
        Path file = dir.resolve("broker.json");
        record.writeTo(file);

        assertThat(BrokerRecord.pidIn(file)).contains(4242L);
        assertThat(BrokerRecord.pidIn(dir.resolve("missing.json"))).isEmpty();
    }

    @Test
    void deletesTheRecordOnlyForItsOwnPid() throws IOException {
        Path file = dir.resolve("broker.json");
        record.writeTo(file);

        BrokerRecord.deleteIfOwnedBy(file, 1);
        assertThat(file).exists();

        BrokerRecord.deleteIfOwnedBy(file, 4242);
        assertThat(file).doesNotExist();
    }
}
