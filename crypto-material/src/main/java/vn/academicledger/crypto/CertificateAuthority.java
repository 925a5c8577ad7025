package vn.academicledger.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * An ECDSA P-256 certificate authority: a certificate and its key, able to issue certificates.
 * All certificates it signs carry low-S signatures (see {@link LowSEcdsaContentSigner}).
 */
final class CertificateAuthority {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Backdating absorbs small clock differences between the machines that check a certificate. */
    private static final Duration BACKDATE = Duration.ofHours(1);

    private final Credential credential;

    CertificateAuthority(Credential credential) {
        this.credential = credential;
    }

    Credential credential() {
        return credential;
    }

    X509Certificate certificate() {
        return credential.certificate();
    }

    /** A new self-signed root. */
    static CertificateAuthority selfSigned(CertificateSpec spec) {
        return selfSigned(spec, Instant.now());
    }

    /** A new self-signed root, valid from {@code now} (less the backdating). */
    static CertificateAuthority selfSigned(CertificateSpec spec, Instant now) {
        KeyPair keyPair = newKeyPair();
        X509Certificate certificate = build(spec, keyPair.getPublic(), spec.subject(), null,
                (ECPrivateKey) keyPair.getPrivate(), now);
        return new CertificateAuthority(new Credential(certificate, keyPair.getPrivate()));
    }

    /** A new key pair and a certificate for it, signed by this authority. */
    Credential issue(CertificateSpec spec) {
        return issue(spec, Instant.now());
    }

    /** A new key pair and a certificate for it, signed by this authority, valid from {@code now} (less the backdating). */
    Credential issue(CertificateSpec spec, Instant now) {
        KeyPair keyPair = newKeyPair();
        X509Certificate certificate = build(spec, keyPair.getPublic(), X500Name.getInstance(
                credential.certificate().getSubjectX500Principal().getEncoded()),
                credential.certificate(), (ECPrivateKey) credential.privateKey(), now);
        return new Credential(certificate, keyPair.getPrivate());
    }

    /** A subordinate authority signed by this one. */
    CertificateAuthority issueAuthority(CertificateSpec spec) {
        return new CertificateAuthority(issue(spec));
    }

    /** A subordinate authority signed by this one, valid from {@code now} (less the backdating). */
    CertificateAuthority issueAuthority(CertificateSpec spec, Instant now) {
        return new CertificateAuthority(issue(spec, now));
    }

    /**
     * A CRL of this authority (version 2, CRL number and authority key identifier extensions, low-S
     * signature) listing {@code revoked} serial numbers.
     */
    X509CRL issueCrl(Instant thisUpdate, Instant nextUpdate, BigInteger number, List<BigInteger> revoked) {
        X500Name issuer = X500Name.getInstance(credential.certificate().getSubjectX500Principal().getEncoded());
        X509v2CRLBuilder builder = new X509v2CRLBuilder(issuer, Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (BigInteger serial : revoked) {
            builder.addCRLEntry(serial, Date.from(thisUpdate), CRLReason.unspecified);
        }
        try {
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new AuthorityKeyIdentifier(subjectKeyId(credential.certificate().getPublicKey())));
            return new JcaX509CRLConverter().getCRL(builder.build(
                    new LowSEcdsaContentSigner((ECPrivateKey) credential.privateKey())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CRLException e) {
            throw new IllegalStateException("cannot build a CRL of " + issuer, e);
        }
    }

    /** True when {@code crl} names this authority as issuer and its signature verifies with this authority's key. */
    boolean issued(X509CRL crl) {
        if (!crl.getIssuerX500Principal().equals(credential.certificate().getSubjectX500Principal())) {
            return false;
        }
        try {
            crl.verify(credential.certificate().getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** True when {@code certificate} names this authority as issuer and its signature verifies with this authority's key. */
    boolean issued(X509Certificate certificate) {
        if (!certificate.getIssuerX500Principal().equals(credential.certificate().getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(credential.certificate().getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a P-256 key pair", e);
        }
    }

    /**
     * Subject key identifier as Fabric's cryptogen computes it: SHA-256 of the public key's
     * uncompressed point, the same value Fabric's key store uses to find the private key.
     */
    static byte[] subjectKeyId(PublicKey publicKey) {
        try {
            byte[] point = SubjectPublicKeyInfo.getInstance(publicKey.getEncoded()).getPublicKeyData().getBytes();
            return MessageDigest.getInstance("SHA-256").digest(point);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate build(CertificateSpec spec, PublicKey subjectKey, X500Name issuer,
                                         X509Certificate issuerCertificate, ECPrivateKey signingKey, Instant now) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuer,
                    new BigInteger(127, RANDOM).add(BigInteger.ONE),
                    Date.from(now.minus(BACKDATE)),
                    Date.from(now.plus(spec.validity())),
                    spec.subject(),
                    subjectKey);
            builder.addExtension(Extension.basicConstraints, true,
                    spec.ca() ? (spec.pathLength() >= 0 ? new BasicConstraints(spec.pathLength()) : new BasicConstraints(true))
                            : new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(spec.keyUsage()));
            if (!spec.extendedKeyUsage().isEmpty()) {
                KeyPurposeId[] purposes = spec.extendedKeyUsage().stream()
                        .map(oid -> KeyPurposeId.getInstance(new ASN1ObjectIdentifier(oid)))
                        .toArray(KeyPurposeId[]::new);
                builder.addExtension(Extension.extendedKeyUsage, spec.criticalExtendedKeyUsage(), new ExtendedKeyUsage(purposes));
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(subjectKeyId(subjectKey)));
            if (issuerCertificate != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        new AuthorityKeyIdentifier(subjectKeyId(issuerCertificate.getPublicKey())));
            }
            List<GeneralName> names = new ArrayList<>();
            spec.dnsNames().forEach(name -> names.add(new GeneralName(GeneralName.dNSName, name)));
            spec.ipAddresses().forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
            if (!names.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            if (!spec.crlDistributionPoints().isEmpty()) {
                DistributionPoint[] points = spec.crlDistributionPoints().stream()
                        .map(url -> new DistributionPoint(new DistributionPointName(new GeneralNames(
                                new GeneralName(GeneralName.uniformResourceIdentifier, url))), null, null))
                        .toArray(DistributionPoint[]::new);
                builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(points));
            }
            if (!spec.fabricAttributes().isEmpty()) {
                // The byte[] overload writes the JSON itself as the extension's OCTET STRING content, as Fabric CA does.
                builder.addExtension(FabricAttributes.OID, false, FabricAttributes.encode(spec.fabricAttributes()));
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(new LowSEcdsaContentSigner(signingKey)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot build certificate for " + spec.subject(), e);
        }
    }
}
