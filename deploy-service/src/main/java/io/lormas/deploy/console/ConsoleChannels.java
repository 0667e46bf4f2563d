package io.lormas.deploy.console;

import java.util.UUID;

/** node-service's Redis keys for live console fan-out (docs/service-guide.md). */
final class ConsoleChannels {

    private ConsoleChannels() {
    }

    /** Pub/sub channel of frames {@code {"event":"console"|"stats"|"state", ...}}. */
    static String channel(UUID serverId) {
        return "lormas:server:" + serverId + ":console";
    }

    /** The last stats frame node-service saw (kept a minute). */
    static String stats(UUID serverId) {
        return "lormas:server:" + serverId + ":stats";
    }

    /** List of the last lines, oldest first (RPUSH + LTRIM to the last 200). */
    static String recent(UUID serverId) {
        return channel(serverId) + ":recent";
    }
}
