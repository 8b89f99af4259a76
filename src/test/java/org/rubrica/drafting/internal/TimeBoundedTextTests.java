package org.rubrica.drafting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class TimeBoundedTextTests {

    @Test
    void a_catastrophic_pattern_is_stopped_instead_of_hanging() {
        String hostile = "a".repeat(40) + "!"; // (.*a){12} backtracks polynomially with a large degree in java.util.regex
        long start = System.nanoTime();
        assertThatThrownBy(() -> Pattern.compile("(.*a){12}").matcher(TimeBoundedText.of(hostile, 100)).matches())
                .isInstanceOf(TimeBoundedText.TooSlow.class);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void ordinary_patterns_match_as_usual() {
        assertThat(Pattern.compile("[A-Z]{3}-\\d{4}").matcher(TimeBoundedText.of("EXP-2026", 100)).matches()).isTrue();
        assertThat(Pattern.compile("[A-Z]{3}-\\d{4}").matcher(TimeBoundedText.of("exp-26", 100)).matches()).isFalse();
    }
}
