package vn.academicledger.core.domain;

import static vn.academicledger.core.domain.Checks.check;
import static vn.academicledger.core.domain.Checks.optionalText;
import static vn.academicledger.core.domain.Checks.text;

/**
 * A school of the department.
 *
 * @param code     mã trường: eight digits, the first two the province code ({@code 79} is Ho Chi Minh City)
 * @param name     full name, e.g. {@code "Trường Trung học phổ thông Bến Nghé"}
 * @param address  street address
 * @param ward     phường/xã
 * @param district quận/huyện, or {@code null}: since 1 July 2025 there is no district level and an
 *                 address is ward + province
 * @param province tỉnh/thành phố, e.g. {@code "Thành phố Hồ Chí Minh"}
 * @param did      the school's DID, which signs its credentials
 */
public record School(String code, String name, String address, String ward, String district, String province,
                     String did) {
    public School {
        code = text(code, "mã trường");
        check(code.matches("\\d{8}"), "Mã trường '" + code + "' phải gồm 8 chữ số, hai chữ số đầu là mã tỉnh (79 là TP. Hồ Chí Minh).");
        name = text(name, "tên trường (mã trường " + code + ")");
        address = text(address, "địa chỉ của " + name);
        ward = text(ward, "phường/xã của " + name);
        district = optionalText(district);
        province = text(province, "tỉnh/thành phố của " + name);
        did = text(did, "DID của " + name);
        check(did.matches("did:[a-z0-9]+:\\S+"), "DID của " + name + " ('" + did + "') phải có dạng did:phương-thức:định-danh, ví dụ did:web:thpt.hcm.edu.vn.");
    }

    /** The address on one line, e.g. {@code "45 Lê Thánh Tôn, Phường Sài Gòn, Thành phố Hồ Chí Minh"}. */
    public String fullAddress() {
        return address + ", " + ward + (district == null ? "" : ", " + district) + ", " + province;
    }
}
