package vn.academicledger.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * Fabric CA's attribute extension: a non-critical X.509 extension whose value is the UTF-8 JSON
 * {@code {"attrs":{"name":"value",...}}}. Chaincode reads it through the shim's client identity
 * ({@code getAttributeValue("schoolCode")}).
 */
public final class FabricAttributes {
    /** The extension's OID, as Fabric CA and the chaincode shims define it. */
    public static final ASN1ObjectIdentifier OID = new ASN1ObjectIdentifier("1.2.3.4.5.6.7.8.1");

    private FabricAttributes() {
    }

    /** The extension value for these attributes; keys sorted, so the bytes are deterministic. */
    public static byte[] encode(Map<String, String> attributes) {
        StringBuilder json = new StringBuilder("{\"attrs\":{");
        boolean first = true;
        for (Map.Entry<String, String> entry : new TreeMap<>(attributes).entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            appendString(json, entry.getKey());
            json.append(':');
            appendString(json, entry.getValue());
        }
        return json.append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendString(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
