package vn.academicledger.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import vn.academicledger.core.error.InvalidInputException;

class ScoreTest {
    @Test
    void whole_and_one_decimal_scores_are_the_same_score_written_with_one_decimal() {
        assertThat(Score.of("9")).isEqualTo(Score.of("9.0"));
        assertThat(Score.of("9")).hasToString("9.0");
        assertThat(new Score(new BigDecimal("8.60"))).hasToString("8.6");
    }

    @Test
    void a_decimal_comma_is_read_and_printed_the_vietnamese_way() {
        assertThat(Score.of("8,5")).isEqualTo(Score.of("8.5"));
        assertThat(Score.of("8.5").toVietnamese()).isEqualTo("8,5");
    }

    @Test
    void the_scale_runs_from_0_0_to_10_0() {
        assertThat(Score.of("0")).hasToString("0.0");
        assertThat(Score.of("10")).hasToString("10.0");
        assertThatThrownBy(() -> Score.of("10.1")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("thang điểm 10");
        assertThatThrownBy(() -> new Score(new BigDecimal("-0.5"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_score_with_two_decimals_is_refused_not_silently_rounded() {
        assertThatThrownBy(() -> new Score(new BigDecimal("8.25"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("quá một chữ số thập phân");
        assertThatThrownBy(() -> Score.of("8.25")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void text_that_is_not_a_score_is_refused_with_an_example() {
        assertThatThrownBy(() -> Score.of("tám")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ví dụ 8 hoặc 8,5");
        assertThatThrownBy(() -> Score.of("")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void thresholds_compare_by_value() {
        assertThat(Score.of("6.5").isAtLeast(Score.of("6.5"))).isTrue();
        assertThat(Score.of("6.4").isAtLeast(Score.of("6.5"))).isFalse();
    }
}
