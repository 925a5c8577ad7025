package vn.academicledger.documents.sign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import vn.academicledger.core.error.InvalidInputException;

/**
 * Adds an official's PAdES baseline signature to a PDF as an incremental update, so earlier
 * signatures stay valid: a report card is signed by the homeroom teacher, then by the principal.
 *
 * <p>Signing is done with PDFBox (byte range, signature dictionary) and Bouncy Castle (CMS); the key
 * stays behind {@link OfficialSigner}. At {@link SignatureLevel#PADES_BASELINE_T} the signature value
 * is time-stamped by the {@link TimestampSource}; at {@link SignatureLevel#PADES_BASELINE_LT} a further
 * incremental update adds (or extends) the document security store with the certificates of the
 * signer's and the TSA's chains and a CRL for each certificate, from the {@link RevocationSource}.
 * The signature is invisible (a zero-size widget, printable flag set, as PDF/A wants); the page
 * already shows who signs.
 *
 * <p>Thread-safe if the signer, the TSA and the revocation source are.
 */
public final class PadesSigner {
    private final TimestampSource timestamps;
    private final RevocationSource revocations;

    /**
     * @param timestamps  the TSA for B-T and B-LT (may be null if only B-B is used)
     * @param revocations CRLs for B-LT ({@link RevocationSource#none()} if only B-B and B-T are used)
     */
    public PadesSigner(TimestampSource timestamps, RevocationSource revocations) {
        this.timestamps = timestamps;
        this.revocations = revocations == null ? RevocationSource.none() : revocations;
    }

    /** Signs at {@code level} with the reason "Ký số" (digitally signed). */
    public byte[] sign(byte[] pdf, OfficialSigner signer, SignatureLevel level) {
        return sign(pdf, signer, level, null);
    }

    /**
     * Signs {@code pdf} and returns the signed PDF (the input followed by one or two incremental updates).
     *
     * @param reason shown by PDF readers, e.g. "Giáo viên chủ nhiệm ký học bạ"; null for none
     * @throws InvalidInputException if the PDF cannot be read
     * @throws SigningException      naming the stage that failed (key, TSA, revocation data, PDF)
     */
    public byte[] sign(byte[] pdf, OfficialSigner signer, SignatureLevel level, String reason) {
        if (pdf == null || signer == null || level == null) {
            throw new InvalidInputException("Signing needs the PDF, the official's signer and the signature level");
        }
        if (level.hasTimestamp() && timestamps == null) {
            throw new SigningException("TIMESTAMP_FAILED", level + " needs a time-stamping authority; "
                    + "create the PadesSigner with a TimestampSource");
        }
        List<X509Certificate> chain = signer.certificateChain();
        if (chain.isEmpty()) {
            throw new SigningException("SIGNER_UNAVAILABLE", "The official's signer has no certificate");
        }
        byte[] signed = addSignature(pdf, signer, level, reason, chain);
        return level == SignatureLevel.PADES_BASELINE_LT ? addValidationData(signed, chain) : signed;
    }

    private byte[] addSignature(byte[] pdf, OfficialSigner signer, SignatureLevel level, String reason,
                                List<X509Certificate> chain) {
        int room = 8192;
        try {
            for (X509Certificate c : chain) {
                room += c.getEncoded().length;
            }
            if (level.hasTimestamp()) {
                room += 4096;
                for (X509Certificate c : timestamps.certificateChain()) {
                    room += c.getEncoded().length;
                }
            }
        } catch (CertificateEncodingException e) {
            throw new SigningException("SIGNER_UNAVAILABLE", "A certificate of the signer cannot be encoded", e);
        }
        try (PDDocument document = load(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(commonName(chain.get(0).getSubjectX500Principal()));
            signature.setReason(reason == null ? "Ký số" : reason);
            signature.setSignDate(Calendar.getInstance());
            options.setPreferredSignatureSize(room);
            document.addSignature(signature, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * room + 8192);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            byte[] content = external.getContent().readAllBytes();
            byte[] cms = CmsSignature.create(content, signer, level.hasTimestamp() ? timestamps : null);
            if (cms.length > room) {
                throw new SigningException("PDF_SIGNING_FAILED", "The signature (" + cms.length
                        + " bytes) does not fit the " + room + " bytes reserved for it");
            }
            external.setSignature(cms);
            return out.toByteArray();
        } catch (IOException e) {
            throw new SigningException("PDF_SIGNING_FAILED", "Cannot sign the PDF: " + e.getMessage(), e);
        }
    }

    /**
     * Adds or extends /DSS with the certificates and CRLs that validate every signature's chain and
     * its time-stamp's chain: long-term validation data (B-LT).
     */
    private byte[] addValidationData(byte[] pdf, List<X509Certificate> signerChain) {
        List<X509Certificate> certificates = new ArrayList<>(signerChain);
        for (X509Certificate c : timestamps.certificateChain()) {
            if (!certificates.contains(c)) {
                certificates.add(c);
            }
        }
        Map<String, byte[]> certs = new LinkedHashMap<>();
        Map<String, byte[]> crls = new LinkedHashMap<>();
        try {
            for (X509Certificate c : certificates) {
                certs.put(key(c.getEncoded()), c.getEncoded());
                if (isSelfIssued(c)) {
                    continue;
                }
                X509Certificate issuer = issuerOf(c, certificates);
                List<X509CRL> found = revocations.crls(c, issuer);
                if (found.isEmpty()) {
                    throw new SigningException("REVOCATION_DATA_MISSING", "No CRL for " + c.getSubjectX500Principal()
                            + " from " + issuer.getSubjectX500Principal() + ": B-LT needs revocation data for every "
                            + "certificate below the root; configure the RevocationSource");
                }
                for (X509CRL crl : found) {
                    crls.put(key(crl.getEncoded()), crl.getEncoded());
                }
            }
        } catch (CertificateEncodingException | CRLException e) {
            throw new SigningException("PDF_SIGNING_FAILED", "Cannot encode validation data: " + e.getMessage(), e);
        }
        try (PDDocument document = load(pdf)) {
            COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
            COSDictionary old = catalog.getCOSDictionary(COSName.getPDFName("DSS"));
            COSDictionary dss = new COSDictionary();
            dss.setItem(COSName.getPDFName("Certs"), merge(document, old, "Certs", certs));
            dss.setItem(COSName.getPDFName("CRLs"), merge(document, old, "CRLs", crls));
            if (old != null && old.getItem(COSName.getPDFName("OCSPs")) != null) {
                dss.setItem(COSName.getPDFName("OCSPs"), old.getItem(COSName.getPDFName("OCSPs")));
            }
            catalog.setItem(COSName.getPDFName("DSS"), dss);
            catalog.setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 16384);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new SigningException("PDF_SIGNING_FAILED", "Cannot add the validation data to the PDF: " + e.getMessage(), e);
        }
    }

    private static COSArray merge(PDDocument document, COSDictionary old, String name, Map<String, byte[]> wanted)
            throws IOException {
        COSArray array = new COSArray();
        Map<String, byte[]> missing = new LinkedHashMap<>(wanted);
        if (old != null && old.getDictionaryObject(COSName.getPDFName(name)) instanceof COSArray existing) {
            for (int i = 0; i < existing.size(); i++) {
                COSBase item = existing.get(i);
                array.add(item);
                if (existing.getObject(i) instanceof COSStream stream) {
                    try (var in = stream.createInputStream()) {
                        missing.remove(key(in.readAllBytes()));
                    }
                }
            }
        }
        for (byte[] der : missing.values()) {
            COSStream stream = document.getDocument().createCOSStream();
            try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(der);
            }
            array.add(stream);
        }
        return array;
    }

    private static PDDocument load(byte[] pdf) {
        try {
            return Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new InvalidInputException("The file to sign is not a readable PDF: " + e.getMessage(), e);
        }
    }

    private static X509Certificate issuerOf(X509Certificate c, List<X509Certificate> candidates) {
        for (X509Certificate candidate : candidates) {
            if (candidate.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                try {
                    c.verify(candidate.getPublicKey());
                    return candidate;
                } catch (java.security.GeneralSecurityException e) {
                    // same name, other key: keep looking
                }
            }
        }
        throw new SigningException("REVOCATION_DATA_MISSING", "The issuer of " + c.getSubjectX500Principal()
                + " is not in the signer's or the TSA's certificate chain; B-LT needs the whole chain");
    }

    private static boolean isSelfIssued(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }

    private static String key(byte[] der) {
        return Arrays.toString(CmsSignature.sha256(der));
    }

    static String commonName(X500Principal principal) {
        RDN[] cn = X500Name.getInstance(principal.getEncoded()).getRDNs(BCStyle.CN);
        return cn.length == 0 ? principal.getName() : IETFUtils.valueToString(cn[0].getFirst().getValue());
    }
}
