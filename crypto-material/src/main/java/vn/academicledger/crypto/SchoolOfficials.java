package vn.academicledger.crypto;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The officials of one unit who sign documents in the development PKI: a school (its officials are
 * issued by the school's signing CA) or the department's own office {@value #DEPARTMENT_CODE}
 * (its officials are issued by the department CA).
 *
 * @param code      the unit code, eight digits
 * @param name      the unit's full name as printed on its documents, e.g. "Trường Trung học phổ thông Bến Nghé";
 *                  written as the organisation (O) of its officials' certificates and its CA
 * @param officials who signs; ids are unique within the unit
 */
public record SchoolOfficials(String code, String name, List<Official> officials) {
    /** The sample school of {@code SampleClass} (core), class 12A1. */
    public static final String SAMPLE_SCHOOL_CODE = "79000701";
    public static final String SAMPLE_SCHOOL_NAME = "Trường Trung học phổ thông Bến Nghé";
    /** The department's own office, which issues diplomas; its officials sign under the department CA. */
    public static final String DEPARTMENT_CODE = CryptoMaterialMain.DEPARTMENT_UNIT_CODE;
    public static final String DEPARTMENT_NAME = "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh";
    /** Official ids the document signers look for. */
    public static final String PRINCIPAL = "principal";
    public static final String DIRECTOR = "director";

    /**
     * One official.
     *
     * @param id    file name and alias in the PKCS#12 file, lower case: {@code principal},
     *              {@code homeroom-12a1} (see {@link #homeroomTeacherId}), {@code director}
     * @param name  full name, the certificate's common name (CN), e.g. "Phạm Thị Thanh Hương"
     * @param title title as printed on documents, the certificate's title (T), e.g. "Hiệu trưởng"
     */
    public record Official(String id, String name, String title) {
        public Official {
            if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,62}")) {
                throw new IllegalArgumentException("an official's id is lower-case letters, digits and '-', e.g. "
                        + "homeroom-12a1; got " + id);
            }
            if (name == null || name.isBlank() || title == null || title.isBlank()) {
                throw new IllegalArgumentException("official " + id + " needs a name and a title");
            }
        }
    }

    public SchoolOfficials {
        if (code == null || !code.matches("\\d{8}")) {
            throw new IllegalArgumentException("a unit code is 8 digits; got " + code);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("unit " + code + " needs its full name");
        }
        officials = List.copyOf(Objects.requireNonNull(officials, "officials"));
        Set<String> ids = new HashSet<>();
        for (Official official : officials) {
            if (!ids.add(official.id())) {
                throw new IllegalArgumentException("unit " + code + " lists official " + official.id() + " twice");
            }
        }
    }

    /** True for the department's own office, whose officials sign under the department CA. */
    public boolean isDepartment() {
        return code.equals(DEPARTMENT_CODE);
    }

    /** {@code homeroom-12a1} for class 12A1. */
    public static String homeroomTeacherId(String className) {
        return "homeroom-" + className.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /**
     * The development officials: the sample school 79000701 (Trường Trung học phổ thông Bến Nghé: the
     * principal Nguyễn Thị Lan, the homeroom teacher of the sample class 12A1 Phạm Thị Thanh Hương and two
     * more homeroom teachers), a second school 79000702 and the department's office 79000000 (its
     * director Trần Quang Minh, Giám đốc Sở Giáo dục và Đào tạo, who signs diplomas).
     */
    public static List<SchoolOfficials> developmentDefaults() {
        return forCodes(List.of(SAMPLE_SCHOOL_CODE, "79000702", DEPARTMENT_CODE));
    }

    /** The department's office with its director. */
    public static SchoolOfficials department() {
        return new SchoolOfficials(DEPARTMENT_CODE, DEPARTMENT_NAME,
                List.of(new Official(DIRECTOR, "Trần Quang Minh", "Giám đốc Sở Giáo dục và Đào tạo")));
    }

    /**
     * Officials for {@code codes} as the command line's {@code --schools} lists them: the sample school and
     * the department get theirs; any other code gets a school named "Trường THPT thử nghiệm &lt;code&gt;" with a
     * principal and a homeroom teacher.
     */
    static List<SchoolOfficials> forCodes(List<String> codes) {
        List<SchoolOfficials> units = new ArrayList<>();
        for (String code : codes) {
            if (code.equals(DEPARTMENT_CODE)) {
                units.add(department());
            } else if (code.equals(SAMPLE_SCHOOL_CODE)) {
                units.add(new SchoolOfficials(code, SAMPLE_SCHOOL_NAME, List.of(
                        new Official(PRINCIPAL, "Nguyễn Thị Lan", "Hiệu trưởng"),
                        new Official(homeroomTeacherId("12A1"), "Phạm Thị Thanh Hương", "Giáo viên chủ nhiệm lớp 12A1"),
                        new Official(homeroomTeacherId("10A1"), "Trần Văn Minh", "Giáo viên chủ nhiệm lớp 10A1"),
                        new Official(homeroomTeacherId("12A2"), "Lê Thị Hoa", "Giáo viên chủ nhiệm lớp 12A2"))));
            } else {
                units.add(new SchoolOfficials(code, "Trường THPT thử nghiệm " + code, List.of(
                        new Official(PRINCIPAL, "Phạm Quốc Bảo", "Hiệu trưởng"),
                        new Official(homeroomTeacherId("11B3"), "Võ Thị Thu", "Giáo viên chủ nhiệm lớp 11B3"))));
            }
        }
        return units;
    }
}
