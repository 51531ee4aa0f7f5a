package se.placera.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import se.placera.shared.Problem;
import se.placera.users.internal.PasswordPolicy;

class PasswordPolicyTests {

    final PasswordPolicy policy = new PasswordPolicy(12);

    @Test
    void acceptsALongPassphrase() {
        assertThat(policy.check("korv med bröd på torget", "hugo", "Hugo", "Handläggare")).isEmpty();
    }

    @Test
    void refusesShortCommonRepetitiveAndPersonalPasswords() {
        assertThat(policy.check("kort1", "hugo")).extracting(Problem::code).contains("password.too-short");
        assertThat(policy.check("aaaaaaaaaaaaaaaa")).extracting(Problem::code).contains("password.repetitive");
        assertThat(policy.check("Password!!!!")).extracting(Problem::code).contains("password.common");
        assertThat(policy.check("handlaggare-2024!", "handlaggare")).extracting(Problem::code)
                .contains("password.personal");
        assertThat(policy.check("x".repeat(129))).extracting(Problem::code).contains("password.too-long");
        assertThat(policy.check("kort1")).allMatch(p -> p.pointer().equals("/password"));
    }
}
