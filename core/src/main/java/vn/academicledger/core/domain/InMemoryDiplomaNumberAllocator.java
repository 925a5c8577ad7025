package vn.academicledger.core.domain;

import java.util.HashMap;
import java.util.Map;
import vn.academicledger.core.error.InvalidInputException;

/**
 * A {@link DiplomaNumberAllocator} that keeps its counters in memory, for demos and tests: nothing
 * survives a restart, so it must not number real diplomas. Thread-safe.
 */
public final class InMemoryDiplomaNumberAllocator implements DiplomaNumberAllocator {
    private final String serialPrefix;
    private final Map<String, Long> nextSerial = new HashMap<>();
    private final Map<String, Integer> nextRegister = new HashMap<>();
    private final long firstSerial;

    /**
     * @param serialPrefix two capital letters of every serial number, e.g. {@code "TN"}
     * @param firstSerial  the sequence of each issuer's first serial number
     */
    public InMemoryDiplomaNumberAllocator(String serialPrefix, long firstSerial) {
        DiplomaNumbering.serialNumber(serialPrefix, firstSerial); // validates both
        this.serialPrefix = serialPrefix;
        this.firstSerial = firstSerial;
    }

    @Override
    public synchronized DiplomaNumbers next(String issuerCode, int year) {
        if (issuerCode == null || issuerCode.isBlank()) {
            throw new InvalidInputException("Thiếu mã cơ quan cấp văn bằng.");
        }
        long serial = nextSerial.getOrDefault(issuerCode, firstSerial);
        int register = nextRegister.getOrDefault(issuerCode + "/" + year, 1);
        DiplomaNumbers numbers = new DiplomaNumbers(DiplomaNumbering.serialNumber(serialPrefix, serial),
                DiplomaNumbering.registerNumber(register, year));
        nextSerial.put(issuerCode, serial + 1);
        nextRegister.put(issuerCode + "/" + year, register + 1);
        return numbers;
    }
}
