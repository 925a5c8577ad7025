package vn.academicledger.verifier.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.View;

/** Writes problem details as application/problem+json where a view is expected (and from filters). */
final class ProblemJsonView implements View {
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final ProblemDetail detail;

    ProblemJsonView(ProblemDetail detail) {
        this.detail = detail;
    }

    @Override
    public String getContentType() {
        return MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    }

    @Override
    public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(detail, response);
    }

    static org.springframework.web.servlet.ModelAndView modelAndView(ProblemDetail detail, Problem problem) {
        org.springframework.web.servlet.ModelAndView mav = new org.springframework.web.servlet.ModelAndView(new ProblemJsonView(detail));
        mav.setStatus(problem.status());
        return mav;
    }

    static void write(ProblemDetail detail, HttpServletResponse response) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", detail.getType().toString());
        body.put("title", detail.getTitle());
        body.put("status", detail.getStatus());
        body.put("detail", detail.getDetail());
        if (detail.getInstance() != null) {
            body.put("instance", detail.getInstance().toString());
        }
        if (detail.getProperties() != null) {
            body.putAll(detail.getProperties());
        }
        response.setStatus(detail.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }
}
