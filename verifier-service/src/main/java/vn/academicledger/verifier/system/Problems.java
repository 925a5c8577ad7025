package vn.academicledger.verifier.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.time.Duration;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.academicledger.core.did.DidResolutionException;
import vn.academicledger.core.error.AcademicLedgerException;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.core.ledger.LedgerException;

/**
 * The one place where failures become what a client sees: each exception of core's
 * {@link AcademicLedgerException} hierarchy, the verifier's own, and Spring MVC's request errors map
 * to a {@link Problem} with a status, a stable code and a sentence a person can act on. Problem
 * types are {@code <public base>/problems#<code>}, a page that explains each one.
 */
@Component
public class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    static final Duration LEDGER_RETRY = Duration.ofSeconds(5);

    private final String base;

    public Problems(VerifierProperties properties) {
        String b = properties.publicBaseUrl().toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    public Problem of(Throwable error) {
        if (error instanceof HttpMessageNotReadableException e && e.getMostSpecificCause() instanceof AcademicLedgerException cause) {
            return of(cause);
        }
        if (error instanceof VerifierException e) {
            return switch (e.code()) {
                case VerifierException.CREDENTIAL_NOT_FOUND ->
                        new Problem(HttpStatus.NOT_FOUND, e.code(), "Credential not found", e.getMessage());
                case VerifierException.PAYLOAD_TOO_LARGE ->
                        new Problem(HttpStatus.PAYLOAD_TOO_LARGE, e.code(), "Payload too large", e.getMessage());
                case VerifierException.NOT_A_PDF ->
                        new Problem(HttpStatus.BAD_REQUEST, e.code(), "Not a PDF", e.getMessage());
                case VerifierException.ACCESS_TOKEN_INVALID ->
                        new Problem(HttpStatus.FORBIDDEN, e.code(), "Access token not valid for this credential", e.getMessage());
                default -> new Problem(HttpStatus.BAD_REQUEST, e.code(), "Request refused", e.getMessage());
            };
        }
        if (error instanceof LedgerException e) {
            return switch (e.errorCode()) {
                case UNAVAILABLE -> new Problem(HttpStatus.SERVICE_UNAVAILABLE, "LEDGER_UNAVAILABLE", "Ledger unavailable",
                        "The ledger could not be read just now (" + e.getMessage() + "). Nothing was verified; try again in a"
                                + " few seconds.", LEDGER_RETRY);
                case CORRUPTED -> new Problem(HttpStatus.SERVICE_UNAVAILABLE, "LEDGER_CORRUPTED", "Ledger failed its integrity check",
                        "The ledger copy this service reads failed its integrity check, so no verification can be trusted."
                                + " The operator must restore it; please report this to the education department.");
                default -> new Problem(HttpStatus.BAD_GATEWAY, "LEDGER_" + e.errorCode().name(), "Ledger refused the request",
                        "The ledger refused this service's query (" + e.getMessage() + "). Nothing was verified; please report"
                                + " this to the education department.");
            };
        }
        if (error instanceof DidResolutionException e) {
            return new Problem(HttpStatus.BAD_REQUEST, "DID_NOT_RESOLVABLE", "Key cannot be resolved", e.getMessage());
        }
        if (error instanceof InvalidInputException e) {
            return new Problem(HttpStatus.BAD_REQUEST, e.code(), "Invalid input", e.getMessage());
        }
        if (error instanceof AcademicLedgerException e) {
            return new Problem(HttpStatus.BAD_REQUEST, e.code(), "Request refused", e.getMessage());
        }
        if (error instanceof HttpMessageNotReadableException e) {
            return malformedBody(e);
        }
        if (error instanceof MaxUploadSizeExceededException e) {
            return new Problem(HttpStatus.PAYLOAD_TOO_LARGE, VerifierException.PAYLOAD_TOO_LARGE, "Payload too large",
                    "The upload is larger than this service accepts" + (e.getMaxUploadSize() > 0
                    ? " (" + e.getMaxUploadSize() / (1024 * 1024) + " MiB)" : "") + ". Upload the PDF on its own.");
        }
        if (error instanceof MissingServletRequestPartException e) {
            return new Problem(HttpStatus.BAD_REQUEST, "MISSING_FILE", "File missing",
                    "The upload has no part named '" + e.getRequestPartName() + "'. Send the PDF as multipart/form-data field '"
                            + e.getRequestPartName() + "'.");
        }
        if (error instanceof MissingServletRequestParameterException e) {
            return new Problem(HttpStatus.BAD_REQUEST, "MISSING_PARAMETER", "Parameter missing",
                    "The request lacks the parameter '" + e.getParameterName() + "'.");
        }
        if (error instanceof MultipartException) {
            return new Problem(HttpStatus.BAD_REQUEST, "MALFORMED_UPLOAD", "Malformed upload",
                    "The upload is not a readable multipart/form-data request. Send the PDF as the form field 'file'.");
        }
        if (error instanceof HttpMediaTypeNotSupportedException e) {
            return new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type",
                    "This endpoint does not accept " + e.getContentType() + "; send " + e.getSupportedMediaTypes().stream()
                            .map(Object::toString).collect(Collectors.joining(" or ")) + ".");
        }
        if (error instanceof HttpMediaTypeNotAcceptableException) {
            return new Problem(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "Not acceptable",
                    "This endpoint answers with application/json (errors as application/problem+json); accept one of them.");
        }
        if (error instanceof HttpRequestMethodNotSupportedException e) {
            return new Problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "Method not allowed",
                    e.getMethod() + " is not allowed here; use " + String.join(" or ", e.getSupportedMethods() == null
                            ? new String[] {"another method"} : e.getSupportedMethods()) + ".");
        }
        if (error instanceof NoResourceFoundException || error instanceof NoHandlerFoundException) {
            return notFound();
        }
        if (error instanceof MethodArgumentNotValidException e) {
            return new Problem(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "Invalid input", e.getBindingResult().getFieldErrors()
                    .stream().map(f -> f.getField() + ": " + f.getDefaultMessage()).collect(Collectors.joining("; ")));
        }
        if (error instanceof ErrorResponse e) {
            HttpStatusCode status = e.getStatusCode();
            HttpStatus known = HttpStatus.resolve(status.value());
            String detail = e.getBody().getDetail() == null ? "The request cannot be served." : e.getBody().getDetail();
            return new Problem(known == null ? HttpStatus.BAD_REQUEST : known, "REQUEST_REFUSED",
                    known == null ? "Request refused" : known.getReasonPhrase(), detail);
        }
        LOG.error("Unexpected failure", error);
        return internal();
    }

    public Problem notFound() {
        return new Problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found",
                "There is nothing at this address. QR codes lead to /v/<code>; the API is described at /v3/api-docs.");
    }

    public Problem internal() {
        return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "Unexpected error",
                "The service failed unexpectedly and verified nothing. Try again; if it persists, report the time to the"
                        + " education department.");
    }

    public Problem rateLimited(Duration retryAfter) {
        return new Problem(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", "Too many requests",
                "This address sent more requests than the service allows; wait " + Math.max(1, retryAfter.toSeconds())
                        + " s and try again. Verifying many credentials? Ask the department for a higher limit.", retryAfter);
    }

    private static Problem malformedBody(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof JsonProcessingException json) {
            String where = json.getLocation() == null ? ""
                    : " at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr();
            return new Problem(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "Malformed JSON",
                    "The request body is not valid JSON" + where + ": " + json.getOriginalMessage()
                            + ". Send the credential exactly as issued (UTF-8 JSON).");
        }
        return new Problem(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "Malformed JSON",
                "The request body is missing or is not JSON. Send the credential exactly as issued (UTF-8 JSON).");
    }

    /** RFC 9457 problem details for {@code problem}. */
    public ProblemDetail detail(Problem problem, String instance) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(problem.status(), problem.detail());
        detail.setType(type(problem));
        detail.setTitle(problem.title());
        if (instance != null) {
            detail.setInstance(URI.create(instance));
        }
        detail.setProperty("code", problem.code());
        return detail;
    }

    public URI type(Problem problem) {
        return URI.create(base + "/problems#" + problem.slug());
    }
}
