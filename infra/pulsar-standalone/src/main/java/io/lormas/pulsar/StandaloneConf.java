package io.lormas.pulsar;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The {@code standalone.conf} the launcher writes. Pulsar loads this one file twice: as the broker's
 * {@code ServiceConfiguration} and as the bookie's {@code ServerConfiguration}, so broker and BookKeeper
 * keys live side by side (each side ignores the other's).
 */
final class StandaloneConf {

    private StandaloneConf() {
    }

    /** Settings in file order. */
    static SequencedMap<String, String> settings(LaunchOptions options) {
        var s = new LinkedHashMap<String, String>();
        // Broker: one node, loopback only.
        s.put("clusterName", "standalone");
        s.put("bindAddress", "127.0.0.1");
        s.put("advertisedAddress", "127.0.0.1");
        s.put("brokerServicePort", Integer.toString(options.brokerPort()));
        s.put("webServicePort", Integer.toString(options.webPort()));
        s.put("managedLedgerDefaultEnsembleSize", "1");
        s.put("managedLedgerDefaultWriteQuorum", "1");
        s.put("managedLedgerDefaultAckQuorum", "1");
        s.put("transactionCoordinatorEnabled", "false");
        // Durable topics with subscriptions must survive idle periods and restarts.
        s.put("brokerDeleteInactiveTopicsEnabled", "false");
        // Keep events a week even before any subscription exists: a service that starts after a producer
        // (or a new service) still reads the stream from the beginning.
        s.put("defaultRetentionTimeInMinutes", Integer.toString(7 * 24 * 60));
        s.put("defaultRetentionSizeInMB", "1024");
        s.put("allowAutoTopicCreation", "true");
        s.put("allowAutoTopicCreationType", "non-partitioned");
        // What upstream conf/standalone.conf sets for a single node.
        s.put("loadManagerClassName", "org.apache.pulsar.broker.loadbalance.NoopLoadManager");
        s.put("loadBalancerEnabled", "false");
        s.put("bookkeeperUseV2WireProtocol", "true");
        // Small footprint: no functions worker, no WebSocket proxy, small caches, quick shutdown.
        s.put("functionsWorkerEnabled", "false");
        s.put("webSocketServiceEnabled", "false");
        s.put("managedLedgerCacheSizeMB", "32");
        s.put("numOrderedExecutorThreads", "2");
        s.put("numCacheExecutorThreadPoolSize", "2");
        s.put("managedLedgerNumSchedulerThreads", "2");
        s.put("brokerShutdownTimeoutMs", "15000");

        // BookKeeper (bookie): honour --bookkeeper-port, listen on loopback.
        s.put("allowEphemeralPorts", "true");
        s.put("listeningInterface", "lo");
        s.put("allowLoopback", "true");
        s.put("ledgerStorageClass", "org.apache.bookkeeper.bookie.storage.ldb.DbLedgerStorage");
        s.put("dbStorage_writeCacheMaxSizeMb", "16");
        s.put("dbStorage_readAheadCacheMaxSizeMb", "16");
        s.put("dbStorage_readAheadCacheBatchSize", "100");
        s.put("dbStorage_rocksDB_blockCacheSize", Integer.toString(16 * 1024 * 1024));
        s.put("dbStorage_rocksDB_writeBufferSizeMB", "4");
        s.put("dbStorage_rocksDB_sstSizeInMB", "4");
        s.put("journalSyncData", "false");
        s.put("journalMaxGroupWaitMSec", "1");
        s.put("journalPreAllocSizeMB", "4");
        s.put("journalMaxSizeMB", "64");
        s.put("journalMaxBackups", "1");
        s.put("logSizeLimit", Integer.toString(64 * 1024 * 1024));
        s.put("gcWaitTime", "300000");
        s.put("diskUsageThreshold", "0.99");
        s.put("diskUsageWarnThreshold", "0.99");
        s.put("httpServerEnabled", "false");
        // The bookie's death watcher only closes the bookie component when the bookie stopped, which in one
        // process achieves nothing; at the default 1 s it wakes during every shutdown and collides with
        // BookKeeper's own shutdown hook (IllegalThreadStateException on stderr).
        s.put("bookieDeathWatchInterval", Integer.toString(3_600_000));
        return s;
    }

    /** The file's text. */
    static String render(LaunchOptions options) {
        var text = new StringBuilder("""
                # Written by io.lormas.pulsar.PulsarStandaloneLauncher at every start: edits are overwritten.
                # Read by the broker (ServiceConfiguration) and by the bookie (ServerConfiguration).
                """);
        for (Map.Entry<String, String> e : settings(options).entrySet()) {
            text.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        return text.toString();
    }
}
