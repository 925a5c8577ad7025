package vn.academicledger.ledger.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the attributes Fabric CA writes into a certificate: extension 1.2.3.4.5.6.7.8.1 whose
 * value is the JSON {@code {"attrs":{...}}}. Fabric's own attributes ({@code hf.*}) are left out:
 * the contract looks at {@code role} and {@code schoolCode}.
 */
final class CertificateAttributes {
    static final String OID = "1.2.3.4.5.6.7.8.1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CertificateAttributes() {
    }

    static Map<String, String> of(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(OID);
        if (extension == null) {
            return Map.of();
        }
        try {
            JsonNode attributes = MAPPER.readTree(octetStringContent(extension)).path("attrs");
            Map<String, String> result = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = attributes.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getKey().startsWith("hf.") && field.getValue().isTextual()) {
                    result.put(field.getKey(), field.getValue().asText());
                }
            }
            return result;
        } catch (IOException e) {
            throw new IllegalArgumentException("the certificate's Fabric attribute extension is not JSON", e);
        }
    }

    /** {@code getExtensionValue} returns the DER OCTET STRING; its content is the JSON. */
    static byte[] octetStringContent(byte[] der) {
        if (der.length < 2 || der[0] != 0x04) {
            throw new IllegalArgumentException("extension value is not an OCTET STRING");
        }
        int length = der[1] & 0xff;
        int offset = 2;
        if (length > 0x7f) {
            int lengthBytes = length & 0x7f;
            length = 0;
            for (int i = 0; i < lengthBytes; i++) {
                length = (length << 8) | (der[offset++] & 0xff);
            }
        }
        if (offset + length != der.length) {
            throw new IllegalArgumentException("malformed OCTET STRING length");
        }
        return Arrays.copyOfRange(der, offset, offset + length);
    }
}
