package vn.academicledger.issuer.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.academicledger.issuer.support.ApiClient;
import vn.academicledger.issuer.support.IssuerServiceTest;

/**
 * Requests that go wrong before any controller code runs, against the full service: each answer is
 * RFC 9457 problem details (application/problem+json with type, title, status, detail and code)
 * whose detail tells a person what to change.
 */
class ProblemDetailsTest extends IssuerServiceTest {
    private static final String ADMIN = "so.admin";

    private ApiClient.Response send(String account, String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = api().authorized(account, path);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        ApiClient.Response response = api().send(request);
        System.out.printf("%s %s -> %d %s %s%n", method, path, response.status(), response.header("Content-Type"), response.text());
        return response;
    }

    /** Asserts the problem members and returns the detail. */
    private static String problem(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode json = response.json();
        assertThat(json.path("type").asText()).isEqualTo("https://academicledger.vn/problems/"
                + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        assertThat(json.path("title").asText()).isNotBlank();
        assertThat(json.path("status").asInt()).isEqualTo(status);
        assertThat(json.path("code").asText()).isEqualTo(code);
        assertThat(json.path("detail").asText()).isNotBlank();
        return json.path("detail").asText();
    }

    @Test
    void malformed_json_is_400_saying_where_the_json_breaks() {
        ApiClient.Response response = send(ADMIN, "POST", "/api/v1/schools", "application/json",
                "{\"code\": \"79000703\", \"name\": ".getBytes(StandardCharsets.UTF_8));
        assertThat(problem(response, 400, "MALFORMED_JSON")).contains("not valid JSON").contains("end-of-input");
    }

    @Test
    void json_of_the_wrong_shape_is_400_malformed_json_naming_the_field() {
        ApiClient.Response response = send("bennghe.issuer", "POST", "/api/v1/schools/" + SCHOOL_A + "/jobs", "application/json",
                "{\"type\": \"REPORT_CARD\", \"classId\": \"12A1\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(problem(response, 400, "MALFORMED_JSON")).contains("UUID");
    }

    @Test
    void a_body_in_the_wrong_content_type_is_415_naming_what_was_sent() {
        ApiClient.Response response = send(ADMIN, "POST", "/api/v1/schools", "text/plain",
                "code=79000703".getBytes(StandardCharsets.UTF_8));
        assertThat(problem(response, 415, "UNSUPPORTED_MEDIA_TYPE")).contains("text/plain");
    }

    @Test
    void an_unknown_endpoint_is_404_pointing_at_the_api_document() {
        ApiClient.Response response = send(ADMIN, "GET", "/api/v1/no-such-endpoint", null, null);
        assertThat(problem(response, 404, "NOT_FOUND")).contains("/v3/api-docs");
    }

    @Test
    void an_unknown_endpoint_without_a_token_is_401_not_a_hint_that_it_is_missing() {
        ApiClient.Response response = send(null, "GET", "/api/v1/no-such-endpoint", null, null);
        assertThat(problem(response, 401, "UNAUTHENTICATED")).contains("/oauth2/token");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void a_wrong_method_is_405_naming_the_method() {
        ApiClient.Response response = send(ADMIN, "DELETE", "/api/v1/schools/" + SCHOOL_A, null, null);
        assertThat(problem(response, 405, "METHOD_NOT_ALLOWED")).contains("DELETE");
    }

    @Test
    void a_path_variable_of_the_wrong_type_is_400_naming_it() {
        ApiClient.Response response = send("bennghe.issuer", "GET", "/api/v1/schools/" + SCHOOL_A + "/classes/12A1", null, null);
        assertThat(problem(response, 400, "INVALID_REQUEST")).contains("id").contains("UUID");
    }

    @Test
    void an_upload_over_the_limit_is_413_saying_how_to_make_it_fit() {
        byte[] oversized = new byte[20 * 1024 * 1024 + 64 * 1024];
        Arrays.fill(oversized, (byte) 'a');
        String boundary = "problem-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"workbook\"; filename=\"lop.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(oversized);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        ApiClient.Response response = send("bennghe.issuer", "POST", "/api/v1/schools/" + SCHOOL_A + "/classes",
                "multipart/form-data; boundary=" + boundary, body.toByteArray());

        assertThat(problem(response, 413, "TOO_LARGE")).contains("split the class");
    }
}
