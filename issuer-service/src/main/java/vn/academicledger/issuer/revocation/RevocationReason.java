package vn.academicledger.issuer.revocation;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.academicledger.core.domain.Labelled;
import vn.academicledger.issuer.system.IssuerException;

/**
 * Why a school revokes a credential. The constant's name is the code written on the ledger (the
 * contract accepts {@code [A-Z][A-Z0-9_]{1,63}} only); people see the labels. A school's free-text
 * note never goes on the ledger.
 */
public enum RevocationReason implements Labelled {
    ISSUED_IN_ERROR("Cấp nhầm (sai người, sai nội dung)", "Issued in error (wrong person or wrong content)"),
    SUPERSEDED("Đã được thay thế bằng bản cấp lại", "Superseded by a corrected or reissued credential"),
    FRAUD("Gian lận trong học tập, thi cử hoặc hồ sơ", "Fraud in study, examinations or records"),
    DECISION_OF_AUTHORITY("Theo quyết định của cơ quan có thẩm quyền", "By decision of a competent authority");

    /** The ledger contract's pattern for reason codes. */
    static final Pattern LEDGER_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

    private final String vietnamese;
    private final String english;

    RevocationReason(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    /** The code written on the ledger. */
    public String code() {
        return name();
    }

    @Override
    public String vietnamese() {
        return vietnamese;
    }

    @Override
    public String english() {
        return english;
    }

    /**
     * The reason with this code (exact, upper case as the ledger writes it).
     *
     * @throws IssuerException 400 naming the codes there are
     */
    public static RevocationReason ofCode(String code) {
        if (code == null || code.isBlank()) {
            throw IssuerException.invalid("MISSING_REASON", "Cần lý do thu hồi (reasonCode) / give the reason for the "
                    + "revocation (reasonCode), one of " + Arrays.toString(values()) + ".");
        }
        for (RevocationReason reason : values()) {
            if (reason.name().equals(code)) {
                return reason;
            }
        }
        String hint = code.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        String didYouMean = Arrays.stream(values()).anyMatch(r -> r.name().equals(hint)) ? " (did you mean " + hint + "?)" : "";
        throw IssuerException.invalid("UNKNOWN_REASON", "Lý do thu hồi '" + code + "' không có trong danh mục / unknown "
                + "reasonCode '" + code + "'" + didYouMean + "; use one of " + Arrays.toString(values()) + ".");
    }
}
