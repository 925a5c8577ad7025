package vn.academicledger.verifier.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.ModelAndView;

/**
 * Exceptions of API controllers become RFC 9457 problem details; those of pages (and requests no
 * controller took) the error page, or problem details when the client did not ask for HTML. The
 * mapping itself is {@link Problems}.
 */
final class ProblemHandlers {
    private ProblemHandlers() {
    }

    @RestControllerAdvice(annotations = RestController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Api {
        private final Problems problems;

        Api(Problems problems) {
            this.problems = problems;
        }

        @ExceptionHandler(Exception.class)
        ResponseEntity<ProblemDetail> handle(Exception error, HttpServletRequest request) {
            return ProblemHandlers.entity(problems, problems.of(error), request);
        }
    }

    @ControllerAdvice
    @Order(Ordered.LOWEST_PRECEDENCE)
    static class Pages {
        private final Problems problems;

        Pages(Problems problems) {
            this.problems = problems;
        }

        @ExceptionHandler(Exception.class)
        ModelAndView handle(Exception error, HttpServletRequest request, HttpServletResponse response) {
            Problem problem = problems.of(error);
            if (problem.retryAfter() != null) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, problem.retryAfter().toSeconds())));
            }
            if (!ProblemHandlers.wantsHtml(request)) {
                return ProblemJsonView.modelAndView(problems.detail(problem, request.getRequestURI()), problem);
            }
            return page(problems, problem);
        }
    }

    static ModelAndView page(Problems problems, Problem problem) {
        ModelAndView page = new ModelAndView("problem", problem.status());
        page.addObject("problem", problem);
        page.addObject("problemType", problems.type(problem));
        return page;
    }

    static ResponseEntity<ProblemDetail> entity(Problems problems, Problem problem, HttpServletRequest request) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.retryAfter() != null) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, problem.retryAfter().toSeconds())));
        }
        return builder.body(problems.detail(problem, request.getRequestURI()));
    }

    /** Browsers name text/html explicitly; API clients and page scripts' fetch() do not. */
    static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }
}
