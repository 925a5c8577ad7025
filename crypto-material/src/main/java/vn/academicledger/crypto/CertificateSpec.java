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
 * @param crlDistributionPoints URLs of the issuer's CRL (CRL distribution points extension), empty for none
 * @param criticalExtendedKeyUsage mark the extended key usage critical (a time-stamping authority's must be)
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
        Duration validity,
        List<String> crlDistributionPoints,
        boolean criticalExtendedKeyUsage) {

    CertificateSpec {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(validity, "validity");
        extendedKeyUsage = List.copyOf(extendedKeyUsage);
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        fabricAttributes = Map.copyOf(fabricAttributes);
        crlDistributionPoints = List.copyOf(crlDistributionPoints);
    }

    /** Without CRL distribution points and with a non-critical extended key usage (the Fabric material). */
    CertificateSpec(X500Name subject, boolean ca, int pathLength, int keyUsage, List<String> extendedKeyUsage,
                    List<String> dnsNames, List<String> ipAddresses, Map<String, String> fabricAttributes,
                    Duration validity) {
        this(subject, ca, pathLength, keyUsage, extendedKeyUsage, dnsNames, ipAddresses, fabricAttributes, validity,
                List.of(), false);
    }
}
