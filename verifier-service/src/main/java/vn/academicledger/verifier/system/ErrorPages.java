package vn.academicledger.verifier.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors raised outside any controller (the servlet container's own, a filter's): problem details or
 * the error page, like everything else, instead of Spring Boot's default error body.
 */
@Controller
class ErrorPages implements ErrorController {
    private final Problems problems;

    ErrorPages(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.resolve(c)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        Problem problem;
        if (exception instanceof Throwable t) {
            problem = problems.of(t);
        } else if (status == HttpStatus.NOT_FOUND) {
            problem = problems.notFound();
        } else if (status.is5xxServerError()) {
            problem = problems.internal();
        } else {
            problem = new Problem(status, "REQUEST_REFUSED", status.getReasonPhrase(),
                    "The request was refused (" + status.value() + " " + status.getReasonPhrase() + ").");
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!ProblemHandlers.wantsHtml(request)) {
            return ProblemJsonView.modelAndView(problems.detail(problem, uri == null ? null : uri.toString()), problem);
        }
        return ProblemHandlers.page(problems, problem);
    }
}
