package vn.academicledger.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.academicledger.core.error.InvalidInputException;

class DiplomaNumberingTest {
    @Test
    void serial_numbers_are_two_letters_and_seven_digits() {
        assertThat(DiplomaNumbering.serialNumber("TN", 123456)).isEqualTo("TN0123456");
        assertThat(DiplomaNumbering.isSerialNumber("TN0123456")).isTrue();
        assertThat(DiplomaNumbering.isSerialNumber("TN123456")).isFalse();
        assertThat(DiplomaNumbering.isSerialNumber("tn0123456")).isFalse();
        assertThat(DiplomaNumbering.isSerialNumber("TN0000000")).isFalse();
        assertThatThrownBy(() -> DiplomaNumbering.serialNumber("TN", 10_000_000)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> DiplomaNumbering.serialNumber("Tn", 1)).hasMessageContaining("hai chữ cái in hoa");
    }

    @Test
    void register_numbers_are_a_sequence_of_at_least_four_digits_and_the_year() {
        assertThat(DiplomaNumbering.registerNumber(1, 2026)).isEqualTo("0001/2026");
        assertThat(DiplomaNumbering.registerNumber(12345, 2026)).isEqualTo("12345/2026");
        assertThat(DiplomaNumbering.isRegisterNumber("0001/2026")).isTrue();
        assertThat(DiplomaNumbering.isRegisterNumber("1/2026")).isFalse();
        assertThat(DiplomaNumbering.isRegisterNumber("00001/2026")).isFalse();
        assertThat(DiplomaNumbering.isRegisterNumber("0000/2026")).isFalse();
        assertThat(DiplomaNumbering.registerYear("0042/2026")).isEqualTo(2026);
        assertThat(DiplomaNumbering.registerSequence("0042/2026")).isEqualTo(42);
    }

    @Test
    void the_allocator_numbers_each_issuers_register_of_each_year_from_one_without_gaps() {
        InMemoryDiplomaNumberAllocator allocator = new InMemoryDiplomaNumberAllocator("TN", 123456);
        assertThat(allocator.next("79", 2026)).isEqualTo(new DiplomaNumbers("TN0123456", "0001/2026"));
        assertThat(allocator.next("79", 2026)).isEqualTo(new DiplomaNumbers("TN0123457", "0002/2026"));
        assertThat(allocator.next("79", 2027)).isEqualTo(new DiplomaNumbers("TN0123458", "0001/2027"));
        assertThat(allocator.next("75", 2026)).isEqualTo(new DiplomaNumbers("TN0123456", "0001/2026"));
    }

    @Test
    void concurrent_allocations_never_repeat_or_skip_a_number() throws Exception {
        InMemoryDiplomaNumberAllocator allocator = new InMemoryDiplomaNumberAllocator("TN", 1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<DiplomaNumbers>> futures = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            futures.add(pool.submit(() -> allocator.next("79", 2026)));
        }
        Set<String> serials = new HashSet<>();
        List<Integer> sequences = new ArrayList<>();
        for (Future<DiplomaNumbers> f : futures) {
            DiplomaNumbers n = f.get();
            serials.add(n.serialNumber());
            sequences.add(DiplomaNumbering.registerSequence(n.registerNumber()));
        }
        pool.shutdown();
        Collections.sort(sequences);
        assertThat(serials).hasSize(500);
        for (int i = 0; i < 500; i++) {
            assertThat(sequences.get(i)).isEqualTo(i + 1);
        }
    }

    @Test
    void a_diploma_whose_register_year_is_not_its_year_of_issue_is_refused() {
        Diploma d = DomainFixtures.diploma();
        assertThatThrownBy(() -> new Diploma(d.kind(), d.holder(), d.school(), d.serialNumber(), "0001/2025", null, 2026,
                d.issuingAuthority(), d.signerTitle(), d.signerName(), LocalDate.of(2026, 7, 31), d.placeOfIssue()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("thuộc sổ năm 2025 nhưng văn bằng cấp năm 2026");
    }

    @Test
    void a_diploma_with_a_malformed_serial_number_names_the_holder() {
        Diploma d = DomainFixtures.diploma();
        assertThatThrownBy(() -> new Diploma(d.kind(), d.holder(), d.school(), "0123456", d.registerNumber(), null, 2026,
                d.issuingAuthority(), d.signerTitle(), d.signerName(), d.issueDate(), d.placeOfIssue()))
                .hasMessageContaining("Số hiệu văn bằng '0123456' của Nguyễn Ngọc Bảo Trâm");
    }
}
