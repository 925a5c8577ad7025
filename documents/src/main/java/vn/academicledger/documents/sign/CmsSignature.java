package vn.academicledger.documents.sign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The CMS SignedData of a PAdES baseline signature (ETSI EN 319 142-1, SubFilter ETSI.CAdES.detached):
 * detached over the PDF's byte range, SHA-256, signed attributes content-type, message-digest and
 * signing-certificate-v2 (no signing-time: the claimed time is the signature dictionary's /M), the
 * signer's chain in {@code certificates}, and for B-T the signature-time-stamp unsigned attribute.
 */
final class CmsSignature {
    private CmsSignature() {
    }

    static byte[] create(byte[] signedBytes, OfficialSigner signer, TimestampSource tsa) {
        List<X509Certificate> chain = signer.certificateChain();
        X509Certificate certificate = chain.get(0);
        try {
            Attribute signingCertificate = signingCertificateV2(certificate);
            CMSAttributeTableGenerator signedAttributes = parameters -> {
                Hashtable<ASN1ObjectIdentifier, Attribute> table = new Hashtable<>();
                @SuppressWarnings("rawtypes") Map p = parameters;
                ASN1ObjectIdentifier contentType = (ASN1ObjectIdentifier) p.get(CMSAttributeTableGenerator.CONTENT_TYPE);
                byte[] digest = (byte[]) p.get(CMSAttributeTableGenerator.DIGEST);
                table.put(CMSAttributes.contentType, new Attribute(CMSAttributes.contentType, new DERSet(contentType)));
                table.put(CMSAttributes.messageDigest, new Attribute(CMSAttributes.messageDigest,
                        new DERSet(new DEROctetString(digest))));
                table.put(PKCSObjectIdentifiers.id_aa_signingCertificateV2, signingCertificate);
                return new AttributeTable(table);
            };
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(signedAttributes)
                    .build(new DigestSigner(signer), certificate));
            generator.addCertificates(new JcaCertStore(chain));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(signedBytes), false);
            if (tsa != null) {
                SignerInformation info = signed.getSignerInfos().getSigners().iterator().next();
                byte[] token = tsa.timestamp(sha256(info.getSignature()));
                ASN1EncodableVector unsigned = new ASN1EncodableVector();
                unsigned.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                        new DERSet(ASN1Primitive.fromByteArray(token))));
                info = SignerInformation.replaceUnsignedAttributes(info, new AttributeTable(unsigned));
                signed = CMSSignedData.replaceSigners(signed, new SignerInformationStore(info));
            }
            return signed.toASN1Structure().getEncoded(ASN1Encoding.DER);
        } catch (CMSException | OperatorCreationException | CertificateEncodingException | IOException e) {
            throw new SigningException("PDF_SIGNING_FAILED", "Cannot build the CMS signature for "
                    + certificate.getSubjectX500Principal() + ": " + e.getMessage(), e);
        }
    }

    private static Attribute signingCertificateV2(X509Certificate certificate) throws CertificateEncodingException {
        IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(
                X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))), certificate.getSerialNumber());
        ESSCertIDv2 id = new ESSCertIDv2(sha256(certificate.getEncoded()), issuerSerial);
        return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects the DER of the signed attributes and hands their SHA-256 to the official's key. */
    private static final class DigestSigner implements ContentSigner {
        private final OfficialSigner signer;
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();
        private final AlgorithmIdentifier algorithm;

        DigestSigner(OfficialSigner signer) {
            this.signer = signer;
            String keyAlgorithm = signer.certificate().getPublicKey().getAlgorithm();
            if (keyAlgorithm.equals("EC")) {
                algorithm = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
            } else if (keyAlgorithm.equals("RSA")) {
                algorithm = new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);
            } else {
                throw new SigningException("SIGNER_UNAVAILABLE", "The signer's key is " + keyAlgorithm
                        + "; officials sign with EC (P-256) or RSA keys");
            }
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return algorithm;
        }

        @Override
        public OutputStream getOutputStream() {
            return data;
        }

        @Override
        public byte[] getSignature() {
            return signer.signSha256Digest(sha256(data.toByteArray()));
        }
    }
}
