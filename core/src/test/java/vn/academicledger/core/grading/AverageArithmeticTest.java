package vn.academicledger.core.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.academicledger.core.domain.Score;

/** The averages in whole tenths agree with the decimal formulas of Circular 22/2021, Điều 9 khoản 1. */
class AverageArithmeticTest {
    private static Score reference(SemesterScores scores) {
        BigDecimal total = BigDecimal.ZERO;
        for (Score s : scores.regular()) {
            total = total.add(s.value());
        }
        total = total.add(scores.midterm().value().multiply(BigDecimal.valueOf(2)))
                .add(scores.endOfSemester().value().multiply(BigDecimal.valueOf(3)));
        return new Score(total.divide(BigDecimal.valueOf(scores.regular().size() + 5L), 1, RoundingMode.HALF_UP));
    }

    @Test
    void semesterAveragesMatchTheDecimalFormula() {
        Random random = new Random(2021);
        for (int i = 0; i < 200_000; i++) {
            int n = 2 + random.nextInt(4);
            List<Score> regular = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                regular.add(Score.ofTenths(random.nextInt(101)));
            }
            SemesterScores scores = new SemesterScores(regular, Score.ofTenths(random.nextInt(101)), Score.ofTenths(random.nextInt(101)));
            assertThat(GradingRules.semesterAverage(scores)).as("%s", scores).isEqualTo(reference(scores));
        }
    }

    @Test
    void yearAveragesMatchTheDecimalFormulaForEveryPair() {
        for (int a = 0; a <= 100; a++) {
            for (int b = 0; b <= 100; b++) {
                Score s1 = Score.ofTenths(a);
                Score s2 = Score.ofTenths(b);
                BigDecimal total = s1.value().add(s2.value().multiply(BigDecimal.valueOf(2)));
                assertThat(GradingRules.yearAverage(s1, s2)).isEqualTo(new Score(total.divide(BigDecimal.valueOf(3), 1, RoundingMode.HALF_UP)));
            }
        }
    }

    @Test
    void tenthsRoundTrip() {
        for (int t = 0; t <= 100; t++) {
            assertThat(Score.ofTenths(t).tenths()).isEqualTo(t);
            assertThat(Score.ofTenths(t)).isEqualTo(Score.of(BigDecimal.valueOf(t, 1).toPlainString()));
        }
    }
}
