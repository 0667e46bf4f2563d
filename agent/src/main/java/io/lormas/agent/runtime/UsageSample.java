package io.lormas.agent.runtime;

/**
 * Raw counters of one container at one moment; CPU percent needs two samples (see {@link #cpuPercentSince}).
 *
 * @param cpuTotalNanos CPU time the container used since it started
 * @param systemCpuNanos CPU time of the whole host, same clock; 0 when the engine does not report it
 * @param onlineCpus CPUs of the host
 */
public record UsageSample(
        long cpuTotalNanos,
        long systemCpuNanos,
        int onlineCpus,
        long memoryBytes,
        long memoryLimitBytes,
        long networkRxBytes,
        long networkTxBytes,
        long pids,
        long takenAtNanos) {

    /**
     * CPU use between an earlier sample and this one, in percent of one CPU (a server using two full CPUs
     * reports 200), as {@code docker stats} shows it.
     */
    public double cpuPercentSince(UsageSample earlier) {
        long cpuDelta = cpuTotalNanos - earlier.cpuTotalNanos;
        if (cpuDelta <= 0) {
            return 0;
        }
        long systemDelta = systemCpuNanos - earlier.systemCpuNanos;
        if (systemDelta > 0 && onlineCpus > 0) {
            return (double) cpuDelta / systemDelta * onlineCpus * 100.0;
        }
        // No host counter (some engines): use wall time between the samples instead.
        long wallDelta = takenAtNanos - earlier.takenAtNanos;
        return wallDelta <= 0 ? 0 : (double) cpuDelta / wallDelta * 100.0;
    }
}
