package vn.academicledger.verifier.qr;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.academicledger.core.error.InvalidInputException;

/**
 * What a QR code on a document says, read back: {@code <base>/v/<credential-uuid>#t=<token>}, the
 * format {@code vn.academicledger.documents.render.QrPayload} writes. The token rides in the
 * fragment, so browsers never send it with the page request (it stays out of access logs); the
 * page's script posts it to {@code /v/<uuid>/record}.
 *
 * @param token empty when the link carries none
 */
public record QrLink(UUID credentialId, Optional<String> token) {
    private static final Pattern PATH = Pattern.compile("(?:.*/)?v/([0-9A-Fa-f-]{36})/?");
    private static final Pattern TOKEN = Pattern.compile("t=([A-Za-z0-9_-]{16,128})");

    /** Parses the text of a QR code; a malformed one is refused with a sentence saying what is wrong. */
    public static QrLink parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("The QR code text is empty; send what the code says, e.g. "
                    + "https://verify.hcm.edu.vn/v/<code>#t=<token>");
        }
        if (text.length() > 2048) {
            throw new InvalidInputException("The QR code text is longer than any code this service prints (2048 characters)");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException("The QR code text is not a link: " + e.getReason());
        }
        if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("https") || uri.getScheme().equalsIgnoreCase("http"))
                || uri.getRawPath() == null) {
            throw new InvalidInputException("The QR code text is not a verification link (https://…/v/<code>#t=<token>)");
        }
        Matcher path = PATH.matcher(uri.getRawPath());
        if (!path.matches()) {
            throw new InvalidInputException("The link does not lead to a credential (…/v/<code>); it is not a QR code of an"
                    + " Academic Ledger document");
        }
        UUID id = uuid(path.group(1));
        String fragment = uri.getRawFragment();
        if (fragment == null || fragment.isEmpty()) {
            return new QrLink(id, Optional.empty());
        }
        Matcher token = TOKEN.matcher(fragment);
        if (!token.matches()) {
            throw new InvalidInputException("The link's access token (#t=…) is malformed: 16 to 128 characters A-Z a-z 0-9 - _"
                    + " are expected. Scan the QR code again.");
        }
        return new QrLink(id, Optional.of(token.group(1)));
    }

    /** A credential code from a URL path; a malformed one is refused. */
    public static UUID uuid(String code) {
        try {
            UUID id = UUID.fromString(code);
            if (!id.toString().equalsIgnoreCase(code)) {
                throw new IllegalArgumentException("not canonical");
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("'" + (code.length() > 64 ? code.substring(0, 64) + "…" : code)
                    + "' is not a credential code (a UUID such as 159a7508-6147-4974-878c-82343be41356)");
        }
    }
}
