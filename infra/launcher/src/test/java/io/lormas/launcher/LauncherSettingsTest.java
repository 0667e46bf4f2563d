package io.lormas.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LauncherSettingsTest {

    private static final Path REPO = Path.of("/srv/lormas");

    @Test
    void defaultsToEmbeddedInfrastructureUnderDotLormas() {
        LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of(), REPO);

        assertThat(settings.home()).isEqualTo(Path.of("/srv/lormas/.lormas"));
        assertThat(settings.gatewayPort()).isEqualTo(8080);
        assertThat(settings.publicUrl()).isEqualTo("http://localhost:8080");
        assertThat(settings.postgresBaseUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:15432");
        assertThat(settings.pulsarUrl()).isEqualTo("pulsar://127.0.0.1:16650");
        assertThat(settings.externalRedis()).isNull();
    }

    @Test
    void pointsAtExistingInfrastructureFromTheEnvironment() {
        LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of(
                "LORMAS_HOME", "/data/lormas",
                "LORMAS_POSTGRES_URL", "jdbc:postgresql://db:5432",
                "LORMAS_REDIS_URL", "redis://cache:6380",
                "LORMAS_PULSAR_URL", "pulsar://broker:6650",
                "LORMAS_GATEWAY_PORT", "18080"), REPO);

        assertThat(settings.home()).isEqualTo(Path.of("/data/lormas"));
        assertThat(settings.postgresBaseUrl()).isEqualTo("jdbc:postgresql://db:5432");
        assertThat(settings.redisHost()).isEqualTo("cache");
        assertThat(settings.redisPortToUse()).isEqualTo(6380);
        assertThat(settings.pulsarUrl()).isEqualTo("pulsar://broker:6650");
        assertThat(settings.publicUrl()).isEqualTo("http://localhost:18080");
    }

    @Test
    void refusesAPortThatIsNotANumberNamingTheVariable() {
        assertThatThrownBy(() -> LauncherSettings.fromEnvironment(Map.of("LORMAS_PG_PORT", "postgres"), REPO))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("LORMAS_PG_PORT");
        assertThatThrownBy(() -> LauncherSettings.fromEnvironment(Map.of("LORMAS_GATEWAY_PORT", "70000"), REPO))
                .hasMessageContaining("LORMAS_GATEWAY_PORT");
    }

    @Test
    void placesServicesOnThePortBase() {
        LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of("LORMAS_PORT_BASE", "19000"), REPO);

        assertThat(PlatformServices.ALL.getFirst().onBase(settings.portBase()).url()).isEqualTo("http://127.0.0.1:19001");
        Map<String, String> env = PlatformServices.commonEnvironment(settings, Secrets.loadOrCreate(
                Path.of(System.getProperty("java.io.tmpdir"), "lormas-settings-test")), PlatformServices.ALL);
        assertThat(env).containsEntry("LORMAS_DEPLOY_URL", "http://127.0.0.1:19004")
                .containsEntry("LORMAS_CONSOLE_REDIRECT_URIS",
                        "http://localhost:8080/callback,http://127.0.0.1:8080/callback");
    }
}
