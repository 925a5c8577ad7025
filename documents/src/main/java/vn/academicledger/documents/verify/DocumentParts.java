package vn.academicledger.documents.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * The parts of a PDF a reader sees or a verifier reads, each reduced to a SHA-256 over its objects
 * (streams decoded, dictionary keys sorted, back-links skipped): the page count, each page, each page's
 * annotations other than signature widgets, the attachments, the associated files, the XMP metadata,
 * the form fields other than signature fields and the rest of the catalogue. Two revisions of a file
 * differ in a part when its hashes differ; adding signatures and the document security store (/DSS)
 * changes no part.
 */
final class DocumentParts {
    private static final Set<COSName> BACK_LINKS = Set.of(COSName.PARENT, COSName.P);
    private static final Set<COSName> CATALOG_SEPARATE = Set.of(COSName.ACRO_FORM, COSName.getPDFName("DSS"),
            COSName.PAGES, COSName.METADATA, COSName.NAMES, COSName.AF, COSName.PERMS);

    private DocumentParts() {
    }

    static Map<String, String> of(PDDocument document) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("page count", String.valueOf(document.getNumberOfPages()));
        int n = 1;
        for (PDPage page : document.getPages()) {
            COSDictionary dict = page.getCOSObject();
            parts.put("page " + n, hash(dict, Set.of(COSName.ANNOTS)));
            List<COSBase> annotations = new ArrayList<>();
            if (dict.getDictionaryObject(COSName.ANNOTS) instanceof COSArray annots) {
                for (int i = 0; i < annots.size(); i++) {
                    if (annots.getObject(i) instanceof COSDictionary a && !isSignatureWidget(a)) {
                        annotations.add(a);
                    }
                }
            }
            parts.put("page " + n + " annotations", hash(list(annotations), Set.of()));
            n++;
        }
        COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
        Set<COSName> catalogKeys = new LinkedHashSet<>(catalog.keySet());
        catalogKeys.removeAll(CATALOG_SEPARATE);
        COSDictionary rest = new COSDictionary();
        for (COSName key : catalogKeys) {
            rest.setItem(key, catalog.getItem(key));
        }
        parts.put("document catalogue", hash(rest, Set.of()));
        parts.put("metadata (XMP)", hash(catalog.getItem(COSName.METADATA), Set.of()));
        parts.put("associated files (/AF)", hash(catalog.getItem(COSName.AF), Set.of()));
        parts.put("names and attachments", hash(catalog.getItem(COSName.NAMES), Set.of()));
        Map<String, byte[]> files = Attachments.all(document);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            parts.put("attachment " + file.getKey(), hex(sha256(file.getValue())));
        }
        List<COSBase> fields = new ArrayList<>();
        if (catalog.getDictionaryObject(COSName.ACRO_FORM) instanceof COSDictionary form
                && form.getDictionaryObject(COSName.FIELDS) instanceof COSArray all) {
            for (int i = 0; i < all.size(); i++) {
                if (all.getObject(i) instanceof COSDictionary field && !COSName.SIG.equals(field.getCOSName(COSName.FT))) {
                    fields.add(field);
                }
            }
        }
        parts.put("form fields", hash(list(fields), Set.of()));
        return parts;
    }

    /** Names of the parts whose hashes differ (present in one and not the other counts as differing). */
    static List<String> differences(Map<String, String> before, Map<String, String> after) {
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            if (!java.util.Objects.equals(before.get(name), after.get(name))) {
                changed.add(name);
            }
        }
        return changed;
    }

    private static boolean isSignatureWidget(COSDictionary annotation) {
        if (!COSName.WIDGET.equals(annotation.getCOSName(COSName.SUBTYPE))) {
            return false;
        }
        COSDictionary field = annotation.containsKey(COSName.FT) ? annotation
                : annotation.getCOSDictionary(COSName.PARENT);
        return field != null && COSName.SIG.equals(field.getCOSName(COSName.FT));
    }

    private static COSArray list(List<COSBase> items) {
        COSArray array = new COSArray();
        items.forEach(array::add);
        return array;
    }

    private static String hash(COSBase base, Set<COSName> skip) {
        MessageDigest digest = newSha256();
        feed(digest, base, skip, Collections.newSetFromMap(new IdentityHashMap<>()));
        return hex(digest.digest());
    }

    private static void feed(MessageDigest d, COSBase value, Set<COSName> skipAtTop, Set<COSBase> path) {
        COSBase b = value instanceof COSObject o ? o.getObject() : value;
        if (b == null || b instanceof COSNull) {
            d.update((byte) 'n');
            return;
        }
        if (b instanceof COSDictionary dict) {
            if (!path.add(dict)) {
                d.update((byte) 'c');
                return;
            }
            d.update((byte) (b instanceof COSStream ? 's' : 'd'));
            List<COSName> keys = new ArrayList<>(dict.keySet());
            keys.sort((x, y) -> x.getName().compareTo(y.getName()));
            for (COSName key : keys) {
                if (BACK_LINKS.contains(key) || skipAtTop.contains(key)) {
                    continue;
                }
                if (b instanceof COSStream && (key.equals(COSName.LENGTH) || key.equals(COSName.FILTER)
                        || key.equals(COSName.DECODE_PARMS))) {
                    continue; // compared decoded
                }
                text(d, "/" + key.getName());
                feed(d, dict.getItem(key), Set.of(), path);
            }
            if (b instanceof COSStream stream) {
                d.update((byte) '>');
                try (InputStream in = stream.createInputStream()) {
                    d.update(in.readAllBytes());
                } catch (IOException e) {
                    text(d, "undecodable:" + e.getMessage());
                }
            }
            path.remove(dict);
            return;
        }
        if (b instanceof COSArray array) {
            d.update((byte) '[');
            for (int i = 0; i < array.size(); i++) {
                feed(d, array.get(i), Set.of(), path);
            }
            d.update((byte) ']');
            return;
        }
        if (b instanceof COSString s) {
            d.update((byte) '(');
            d.update(s.getBytes());
            d.update((byte) ')');
            return;
        }
        if (b instanceof COSName name) {
            text(d, "/" + name.getName());
            return;
        }
        if (b instanceof COSNumber number) {
            text(d, "#" + number.floatValue());
            return;
        }
        if (b instanceof COSBoolean bool) {
            text(d, bool.getValue() ? "true" : "false");
            return;
        }
        text(d, b.getClass().getSimpleName());
    }

    private static void text(MessageDigest d, String s) {
        d.update(s.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
    }

    static byte[] sha256(byte[] data) {
        return newSha256().digest(data);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
