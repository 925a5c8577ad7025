package vn.academicledger.crypto;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * What one certificate says about its subject.
 *
 * @param keyUsage        bit mask of {@link org.bouncycastle.asn1.x509.KeyUsage} constants
 * @param extendedKeyUsage OIDs, empty for none
 * @param dnsNames        DNS subject alternative names
 * @param ipAddresses     IP subject alternative names
 * @param pathLength      for a CA, the path length constraint, or -1 for none
 * @param fabricAttributes Fabric CA attributes written into extension 1.2.3.4.5.6.7.8.1, empty for none
 */
record CertificateSpec(
        X500Name subject,
        boolean ca,
        int pathLength,
        int keyUsage,
        List<String> extendedKeyUsage,
        List<String> dnsNames,
        List<String> ipAddresses,
        Map<String, String> fabricAttributes,
        Duration validity) {

    CertificateSpec {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(validity, "validity");
        extendedKeyUsage = List.copyOf(extendedKeyUsage);
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        fabricAttributes = Map.copyOf(fabricAttributes);
    }
}
