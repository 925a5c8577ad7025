package vn.academicledger.core.domain;

/** The số hiệu and số vào sổ gốc allocated to one diploma. */
public record DiplomaNumbers(String serialNumber, String registerNumber) {
    public DiplomaNumbers {
        DiplomaNumbering.requireSerialNumber(serialNumber, "văn bằng");
        DiplomaNumbering.requireRegisterNumber(registerNumber, "văn bằng");
    }
}
