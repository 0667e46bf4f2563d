package io.lormas.eggs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lormas.eggs.rules.RuleSet;

class VariableValidatorTest {

    private static final EggVariable PORT = new EggVariable("Server Port", "Port to listen on", "GAME_PORT", "27015",
            true, true, RuleSet.parse("required|integer|between:1024,65535"), 1);
    private static final EggVariable JAR = new EggVariable("Server Jar File", "", "SERVER_JARFILE", "server.jar",
            true, false, RuleSet.parse("required|regex:/^([\\w\\d._-]+)(\\.jar)$/"), 2);
    private static final EggVariable TOKEN = new EggVariable("Licence Token", "", "LICENSE_TOKEN", "",
            false, false, RuleSet.parse("nullable|string|max:64"), 3);

    private final VariableValidator validator = new VariableValidator(List.of(PORT, JAR, TOKEN));

    @Test
    void appliesDefaultsForMissingValues() {
        VariableValidation result = validator.validate(Map.of(), Editor.USER);

        assertThat(result.isValid()).isTrue();
        assertThat(result.environment()).containsExactly(Map.entry("GAME_PORT", "27015"),
                Map.entry("SERVER_JARFILE", "server.jar"), Map.entry("LICENSE_TOKEN", ""));
    }

    @Test
    void namesTheVariableAndTheReasonInErrors() {
        VariableValidation result = validator.validate(Map.of("GAME_PORT", "80"), Editor.USER);

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.envVariable()).isEqualTo("GAME_PORT");
            assertThat(error.kind()).isEqualTo(VariableError.Kind.RULE);
            assertThat(error.rule()).isEqualTo("between");
            assertThat(error.message()).isEqualTo("Server Port (GAME_PORT) must be between 1024 and 65535.");
        });
        assertThat(result.messagesByVariable()).containsOnlyKeys("GAME_PORT");
    }

    @Test
    void refusesAUserChangingANonEditableVariable() {
        VariableValidation result = validator.validate(Map.of("SERVER_JARFILE", "paper.jar"), Editor.USER);

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(VariableError.Kind.READ_ONLY);
            assertThat(error.message()).isEqualTo("Server Jar File (SERVER_JARFILE) cannot be changed: it is not user-editable.");
        });
    }

    @Test
    void doesNotNameAHiddenVariableToAUser() {
        VariableValidation result = validator.validate(Map.of("LICENSE_TOKEN", "abc"), Editor.USER);

        assertThat(result.errors()).singleElement().extracting(VariableError::message)
                .isEqualTo("LICENSE_TOKEN cannot be set.");
    }

    @Test
    void acceptsAUserSendingTheCurrentValueOfANonEditableVariable() {
        assertThat(validator.validate(Map.of("SERVER_JARFILE", "server.jar"), Editor.USER).isValid()).isTrue();
        assertThat(validator.validate(Map.of("SERVER_JARFILE", "forge.jar"), Map.of("SERVER_JARFILE", "forge.jar"),
                Editor.USER).isValid()).isTrue();
    }

    @Test
    void letsAnAdminChangeAnyVariableWithinItsRules() {
        VariableValidation result = validator.validate(Map.of("SERVER_JARFILE", "paper.jar", "LICENSE_TOKEN", "t"),
                Editor.ADMIN);

        assertThat(result.isValid()).isTrue();
        assertThat(result.environment()).containsEntry("SERVER_JARFILE", "paper.jar").containsEntry("LICENSE_TOKEN", "t");
        assertThat(validator.validate(Map.of("SERVER_JARFILE", "paper.zip"), Editor.ADMIN).errors())
                .extracting(VariableError::rule).containsExactly("regex");
    }

    @Test
    void keepsCurrentValuesThatAreNotChanged() {
        VariableValidation result = validator.validate(Map.of(), Map.of("GAME_PORT", "28015"), Editor.USER);

        assertThat(result.environment()).containsEntry("GAME_PORT", "28015");
    }

    @Test
    void refusesNamesTheEggDoesNotDefine() {
        VariableValidation result = validator.validate(Map.of("NOPE", "1"), Editor.ADMIN);

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(VariableError.Kind.UNKNOWN_VARIABLE);
            assertThat(error.message()).isEqualTo("NOPE is not a variable of this egg.");
        });
    }

    @Test
    void treatsANullValueAsNotGiven() {
        Map<String, String> requested = new HashMap<>();
        requested.put("GAME_PORT", null);

        assertThat(validator.validate(requested, Editor.USER).environment()).containsEntry("GAME_PORT", "27015");
    }

    @Test
    void reportsADefaultThatBreaksItsOwnRules() {
        EggVariable broken = new EggVariable("Map", "", "MAP", "", true, true, RuleSet.parse("required"), null);

        assertThat(new VariableValidator(List.of(broken)).validate(Map.of(), Editor.ADMIN).errors())
                .extracting(VariableError::message).containsExactly("Map (MAP) is required.");
    }

    @Test
    void showsUsersOnlyViewableVariables() {
        Map<String, String> environment = Map.of("GAME_PORT", "27015", "SERVER_JARFILE", "server.jar",
                "LICENSE_TOKEN", "secret");

        assertThat(validator.visible(environment, Editor.USER)).containsOnlyKeys("GAME_PORT", "SERVER_JARFILE");
        assertThat(validator.visible(environment, Editor.ADMIN)).hasSize(3);
    }
}
