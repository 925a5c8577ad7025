package vn.academicledger.core.status;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.academicledger.core.error.InvalidInputException;

/**
 * A credential's {@code credentialStatus} entry of type {@code BitstringStatusListEntry}: which
 * list ({@code statusListCredential}, a URL) and which entry of it ({@code statusListIndex}) carry
 * the credential's status for a purpose (this project: {@value #REVOCATION}).
 *
 * <pre>{@code
 * String list = StatusListEntry.listUrl("https://issuer.example.vn", "79000701", 3);
 * ObjectNode status = StatusListEntry.revocation(list, 4711).toJson();   // CredentialBuilder.credentialStatus(status)
 * }</pre>
 * gives
 * <pre>{@code
 * {"id": "https://issuer.example.vn/status-lists/79000701/3#4711", "type": "BitstringStatusListEntry",
 *  "statusPurpose": "revocation", "statusListIndex": "4711",
 *  "statusListCredential": "https://issuer.example.vn/status-lists/79000701/3"}
 * }</pre>
 *
 * @param statusListCredential the URL the status list credential is published at (its {@code id})
 * @param statusListIndex      the credential's entry in that list
 * @param statusPurpose        what a set bit means ({@value #REVOCATION})
 */
public record StatusListEntry(String statusListCredential, int statusListIndex, String statusPurpose) {
    public static final String TYPE = "BitstringStatusListEntry";
    /** The purpose whose set bit means the credential is revoked (permanently). */
    public static final String REVOCATION = "revocation";

    private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]{0,9}");
    private static final Pattern SCHOOL_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    public StatusListEntry {
        checkListUrl(statusListCredential, "statusListCredential");
        if (statusListIndex < 0) {
            throw new InvalidInputException("statusListIndex must be 0 or more, got " + statusListIndex);
        }
        if (statusPurpose == null || statusPurpose.isBlank()) {
            throw new InvalidInputException("statusPurpose is missing; this project writes \"" + REVOCATION + "\"");
        }
    }

    /** The entry that marks the credential revoked when bit {@code index} of the list is set. */
    public static StatusListEntry revocation(String statusListCredential, int index) {
        return new StatusListEntry(statusListCredential, index, REVOCATION);
    }

    /**
     * Where the issuer service publishes a school's list: {@code <issuerBaseUrl>/status-lists/<schoolCode>/<listNumber>}.
     *
     * @param issuerBaseUrl e.g. {@code https://issuer.example.vn} (a trailing slash is dropped)
     */
    public static String listUrl(String issuerBaseUrl, String schoolCode, int listNumber) {
        Objects.requireNonNull(issuerBaseUrl, "issuerBaseUrl");
        String base = issuerBaseUrl.endsWith("/") ? issuerBaseUrl.substring(0, issuerBaseUrl.length() - 1) : issuerBaseUrl;
        if (schoolCode == null || !SCHOOL_CODE.matcher(schoolCode).matches()) {
            throw new InvalidInputException("A school code in a status list URL is letters, digits, '-' or '_', got " + schoolCode);
        }
        if (listNumber < 0) {
            throw new InvalidInputException("A status list number is 0 or more, got " + listNumber);
        }
        String url = base + "/status-lists/" + schoolCode + "/" + listNumber;
        checkListUrl(url, "issuerBaseUrl");
        return url;
    }

    /** {@code <statusListCredential>#<statusListIndex>}: the entry's {@code id}. */
    public String id() {
        return statusListCredential + "#" + statusListIndex;
    }

    public boolean isRevocation() {
        return REVOCATION.equals(statusPurpose);
    }

    /** The {@code credentialStatus} object, members in the spec examples' order; the index is a string. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", id());
        json.put("type", TYPE);
        json.put("statusPurpose", statusPurpose);
        json.put("statusListIndex", Integer.toString(statusListIndex));
        json.put("statusListCredential", statusListCredential);
        return json;
    }

    /**
     * Reads one {@code BitstringStatusListEntry} strictly.
     *
     * @throws InvalidInputException naming the property that is missing or malformed, or a
     *                               {@code statusSize} other than 1 (not supported here)
     */
    public static StatusListEntry fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new InvalidInputException("A credentialStatus entry is a JSON object, got " + json);
        }
        if (!isStatusListEntry(json)) {
            throw new InvalidInputException("The credentialStatus entry is not a " + TYPE + " (type " + json.get("type") + ")");
        }
        JsonNode purpose = json.get("statusPurpose");
        if (purpose == null || !purpose.isTextual() || purpose.textValue().isBlank()) {
            throw new InvalidInputException("credentialStatus.statusPurpose must be a string such as \"" + REVOCATION
                    + "\", got " + purpose);
        }
        JsonNode index = json.get("statusListIndex");
        if (index == null || !index.isTextual() || !INDEX.matcher(index.textValue()).matches()
                || Long.parseLong(index.textValue()) > Integer.MAX_VALUE) {
            throw new InvalidInputException("credentialStatus.statusListIndex must be a non-negative integer written as a"
                    + " base-10 string without leading zeros (e.g. \"94567\"), got " + index);
        }
        JsonNode list = json.get("statusListCredential");
        if (list == null || !list.isTextual()) {
            throw new InvalidInputException("credentialStatus.statusListCredential must be the status list's URL, got " + list);
        }
        JsonNode size = json.get("statusSize");
        if (size != null && !(size.canConvertToExactIntegral() && size.asLong() == 1)) {
            throw new InvalidInputException("credentialStatus.statusSize " + size + " is not supported; only 1 (one bit per"
                    + " credential) is");
        }
        return new StatusListEntry(list.textValue(), Integer.parseInt(index.textValue()), purpose.textValue());
    }

    /** True when {@code json} is an object whose {@code type} is (or includes) {@value #TYPE}. */
    public static boolean isStatusListEntry(JsonNode json) {
        if (json == null || !json.isObject()) {
            return false;
        }
        JsonNode type = json.get("type");
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (TYPE.equals(t.textValue())) {
                    return true;
                }
            }
            return false;
        }
        return type != null && TYPE.equals(type.textValue());
    }

    /**
     * The credential's {@code credentialStatus} members (one object or an array) that are
     * BitstringStatusListEntry objects with purpose {@code purpose}, as JSON, in order. Other
     * status types and purposes are left out.
     */
    public static List<JsonNode> entriesOf(JsonNode credential, String purpose) {
        JsonNode status = credential == null ? null : credential.get("credentialStatus");
        List<JsonNode> found = new ArrayList<>();
        if (status == null) {
            return found;
        }
        for (JsonNode entry : status.isArray() ? status : List.<JsonNode>of(status)) {
            if (isStatusListEntry(entry) && purpose.equals(entry.path("statusPurpose").textValue())) {
                found.add(entry);
            }
        }
        return found;
    }

    private static void checkListUrl(String url, String property) {
        if (url == null) {
            throw new InvalidInputException(property + " is missing; give the status list's http(s) URL");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidInputException(property + " is not a URL: " + url);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                || uri.getHost() == null || uri.getRawFragment() != null) {
            throw new InvalidInputException(property + " must be an http(s) URL with a host and no #fragment, got " + url);
        }
    }
}
