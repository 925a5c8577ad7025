package vn.academicledger.issuer.status;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.academicledger.issuer.system.IssuerException;

/** The public status lists: no sign-in, any origin (verifiers and wallets fetch them). */
@RestController
@Tag(name = "Status lists / Danh sách trạng thái")
class StatusListController {
    static final MediaType VC_LD_JSON = MediaType.parseMediaType("application/vc+ld+json");

    private final StatusLists lists;
    private final Clock clock;

    StatusListController(StatusLists lists, Clock clock) {
        this.lists = lists;
        this.clock = clock;
    }

    @GetMapping("/status-lists/{school}/{list}")
    @Operation(summary = "A school's signed BitstringStatusListCredential (public): a set bit means the credential with "
            + "that statusListIndex is revoked. Cached; signed again after every revocation and every few minutes.")
    ResponseEntity<byte[]> statusList(@PathVariable String school, @PathVariable String list, HttpServletRequest request) {
        int number = listNumber(school, list);
        StatusLists.ListId id = new StatusLists.ListId(school, number);
        PublishedStatusList published = lists.current(id)
                .orElseThrow(() -> IssuerException.notFound("status list", school + "/" + list));
        Instant now = clock.instant();
        StatusListSettings settings = lists.settings();
        HttpHeaders headers = new HttpHeaders();
        headers.setCacheControl(CacheControl.maxAge(java.time.Duration.ofSeconds(
                published.maxAgeSeconds(now, settings.refresh(), settings.maxAge()))).cachePublic());
        headers.setETag(published.etag());
        headers.setLastModified(published.signedAt());
        headers.setVary(java.util.List.of(HttpHeaders.ACCEPT));
        headers.setAccessControlAllowOrigin("*");
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && (ifNoneMatch.contains(published.etag()) || ifNoneMatch.strip().equals("*"))) {
            return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
        }
        headers.setContentType(mediaType(request.getHeader(HttpHeaders.ACCEPT)));
        return new ResponseEntity<>(published.json(), headers, HttpStatus.OK);
    }

    /** {@code application/json} when the client asks for it and not for the VC media type; else {@code application/vc+ld+json}. */
    static MediaType mediaType(String accept) {
        if (accept == null) {
            return VC_LD_JSON;
        }
        try {
            for (MediaType asked : MediaType.parseMediaTypes(accept)) {
                if (asked.isCompatibleWith(VC_LD_JSON) && !asked.isWildcardType() && !asked.isWildcardSubtype()) {
                    return VC_LD_JSON;
                }
            }
            for (MediaType asked : MediaType.parseMediaTypes(accept)) {
                if (asked.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)) {
                    return MediaType.APPLICATION_JSON;
                }
            }
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return VC_LD_JSON;
        }
        return VC_LD_JSON;
    }

    private static int listNumber(String school, String list) {
        if (list == null || !list.matches("\\d{1,9}")) {
            throw IssuerException.notFound("status list", school + "/" + list);
        }
        return Integer.parseInt(list);
    }
}
