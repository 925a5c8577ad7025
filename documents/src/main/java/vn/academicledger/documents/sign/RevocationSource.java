package vn.academicledger.documents.sign;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

/** Where B-LT signing gets the revocation data (CRLs) it embeds. */
public interface RevocationSource {
    /** Current CRLs issued by {@code issuer} that cover {@code certificate}; empty if there are none. */
    List<X509CRL> crls(X509Certificate certificate, X509Certificate issuer);

    /** No revocation data: enough for B-B and B-T, refused for B-LT. */
    static RevocationSource none() {
        return (certificate, issuer) -> List.of();
    }

    /** A fixed set of CRLs (e.g. downloaded from the CAs' distribution points), chosen by issuer and signature. */
    static RevocationSource of(Collection<X509CRL> crls) {
        List<X509CRL> copy = List.copyOf(crls);
        return (certificate, issuer) -> copy.stream()
                .filter(crl -> crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal()))
                .filter(crl -> {
                    try {
                        crl.verify(issuer.getPublicKey());
                        return true;
                    } catch (java.security.GeneralSecurityException e) {
                        return false;
                    }
                })
                .toList();
    }
}
