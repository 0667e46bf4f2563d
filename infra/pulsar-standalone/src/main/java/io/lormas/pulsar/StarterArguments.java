package io.lormas.pulsar;

import java.util.ArrayList;
import java.util.List;

/** The command line handed to {@code org.apache.pulsar.PulsarStandaloneStarter}. */
final class StarterArguments {

    private StarterArguments() {
    }

    static List<String> of(LaunchOptions options) {
        var args = new ArrayList<>(List.of(
                "--config", options.configFile().toString(),
                "--no-functions-worker",
                "--no-stream-storage",
                "--metadata-dir", options.metadataDir().toString(),
                "--bookkeeper-dir", options.bookkeeperDir().toString(),
                "--bookkeeper-port", Integer.toString(options.bookkeeperPort()),
                // CAUTION: Pulsar switches to ZooKeeper mode when this directory exists; the default is
                // relative to the working directory, so pin it to one inside the data directory that
                // is never created.
                "--zookeeper-dir", options.dataDir().resolve("zookeeper").toString()));
        if (options.wipe()) {
            args.add("--wipe-data");
        }
        return List.copyOf(args);
    }
}
