package vn.academicledger.documents.render;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.academicledger.core.error.InvalidInputException;

/**
 * What the QR code on a document says: the public verification page of one credential and an access
 * token that lets that page show the record's summary, e.g.
 * {@code https://verify.hcm.edu.vn/v/0f0e…#t=Zm9vYmFy}. The token travels in the URL fragment, so it
 * is not sent to the server in the page request and does not land in access logs; the page's script
 * reads it and sends it to the verification API.
 *
 * @param verifierBase the verifier's base URL, {@code https://…} (configurable per deployment;
 *                     {@code http://} is accepted only for {@code localhost} and 127.0.0.1)
 * @param credentialId the credential's UUID (its {@code id} is {@code urn:uuid:<credentialId>})
 * @param accessToken  base64url characters, 16 to 128 of them
 */
public record QrPayload(URI verifierBase, UUID credentialId, String accessToken) {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    public QrPayload {
        if (verifierBase == null || verifierBase.getHost() == null) {
            throw new InvalidInputException("The verifier base URL is missing or has no host; configure it like "
                    + "https://verify.hcm.edu.vn");
        }
        String scheme = verifierBase.getScheme() == null ? "" : verifierBase.getScheme().toLowerCase(Locale.ROOT);
        boolean local = verifierBase.getHost().equals("localhost") || verifierBase.getHost().equals("127.0.0.1");
        if (!scheme.equals("https") && !(scheme.equals("http") && local)) {
            throw new InvalidInputException("The verifier base URL " + verifierBase + " must use https "
                    + "(http only for localhost)");
        }
        if (verifierBase.getRawQuery() != null || verifierBase.getRawFragment() != null) {
            throw new InvalidInputException("The verifier base URL " + verifierBase
                    + " must not have a query or fragment; give only scheme, host and path");
        }
        if (credentialId == null) {
            throw new InvalidInputException("The QR code needs the credential's UUID");
        }
        if (accessToken == null || !TOKEN.matcher(accessToken).matches()) {
            throw new InvalidInputException("The access token for the QR code must be 16 to 128 base64url "
                    + "characters (A-Z a-z 0-9 - _)");
        }
    }

    /** Convenience: {@code of("https://verify.hcm.edu.vn", id, token)}. */
    public static QrPayload of(String verifierBase, UUID credentialId, String accessToken) {
        try {
            return new QrPayload(URI.create(verifierBase), credentialId, accessToken);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("The verifier base URL '" + verifierBase + "' is not a URL", e);
        }
    }

    /** {@code <base>/v/<uuid>#t=<token>}: the text encoded in the QR code. */
    public String url() {
        String base = verifierBase.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/v/" + credentialId + "#t=" + accessToken;
    }
}
