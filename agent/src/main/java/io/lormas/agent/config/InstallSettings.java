package io.lormas.agent.config;

import java.time.Duration;
import java.util.List;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The install container that runs an egg's install script with the data directory at {@code /mnt/server}.
 * Install scripts usually need root to install packages, so it runs as {@code user}, still with all
 * capabilities dropped but {@code capabilities}, no-new-privileges and the server's limits.
 *
 * @param timeout an install running longer is killed and fails
 * @param minimumMemoryMib install containers get at least this much memory, whatever the plan says
 */
@ConfigurationProperties("lormas.agent.install")
public record InstallSettings(
        @Bindable(defaultValue = "30m") Duration timeout,
        @Bindable(defaultValue = "0:0") String user,
        @Bindable(defaultValue = "CHOWN,DAC_OVERRIDE,FOWNER,FSETID,SETUID,SETGID") List<String> capabilities,
        @Bindable(defaultValue = "1024") long minimumMemoryMib) {
}
