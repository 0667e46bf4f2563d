package io.lormas.eggs.format;

/**
 * What {@link EggReader} accepts.
 *
 * @param maxBytes          larger files are refused ({@link EggImportException.Kind#TOO_LARGE})
 * @param lowerCaseEnvNames accept environment names with lower-case letters ({@code hostname}, as
 *                          Pterodactyl and Pelican do and a few real eggs need) with a warning; when
 *                          false only {@code [A-Z_][A-Z0-9_]*} is accepted
 */
public record ImportSettings(int maxBytes, boolean lowerCaseEnvNames) {

    /** 1 MiB. */
    public static final int DEFAULT_MAX_BYTES = 1024 * 1024;

    public ImportSettings {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
    }

    /** 1 MiB, lower-case environment names accepted with a warning (every community egg imports). */
    public static ImportSettings defaults() {
        return new ImportSettings(DEFAULT_MAX_BYTES, true);
    }

    /** Only {@code [A-Z_][A-Z0-9_]*} environment names. */
    public ImportSettings strictEnvNames() {
        return new ImportSettings(maxBytes, false);
    }

    public ImportSettings withMaxBytes(int bytes) {
        return new ImportSettings(bytes, lowerCaseEnvNames);
    }
}
