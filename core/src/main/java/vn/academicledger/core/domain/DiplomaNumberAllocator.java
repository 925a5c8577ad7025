package vn.academicledger.core.domain;

/**
 * Hands out diploma numbers: serial numbers never repeat for an issuer, and register numbers run
 * 1, 2, 3… without gaps within each issuer's register of a year. A production allocator keeps its
 * counters in the issuer's database in the same transaction as the diploma.
 */
public interface DiplomaNumberAllocator {
    /**
     * The next numbers for a diploma.
     *
     * @param issuerCode the issuing authority's code (its register is separate from other issuers')
     * @param year       the year of the register, normally the year of issue
     */
    DiplomaNumbers next(String issuerCode, int year);
}
