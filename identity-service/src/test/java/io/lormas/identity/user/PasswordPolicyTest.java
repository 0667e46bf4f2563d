package io.lormas.identity.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

import io.lormas.platform.web.ProblemException;

class PasswordPolicyTest {

    @Test
    void refusesFewerThanTwelveCharactersNamingTheRule() {
        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> PasswordPolicy.check("password", "elevenchars", "a@b.test"));

        assertThat(problem.status().value()).isEqualTo(400);
        assertThat(problem.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("password");
            assertThat(error.message()).isEqualTo("must be at least 12 characters");
        });
    }

    @Test
    void countsCharactersNotBytes() {
        assertThatCode(() -> PasswordPolicy.check("password", "ääääääääääää", "a@b.test")).doesNotThrowAnyException();
    }

    @Test
    void refusesTheEmailAsPasswordAndOverlongOnes() {
        assertThatCode(() -> PasswordPolicy.check("password", "someone@example.test", "Someone@example.test"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("too weak");
        assertThatCode(() -> PasswordPolicy.check("password", "x".repeat(129), "a@b.test"))
                .isInstanceOf(ProblemException.class);
    }
}
