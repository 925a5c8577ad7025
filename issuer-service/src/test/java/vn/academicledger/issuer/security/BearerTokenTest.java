package vn.academicledger.issuer.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.academicledger.issuer.support.ApiClient;
import vn.academicledger.issuer.support.IssuerServiceTest;

/**
 * Bearer tokens the service must not accept: expired, altered, signed by someone else, none at all;
 * and accounts that may not get one.
 */
class BearerTokenTest extends IssuerServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHOOLS = "/api/v1/schools/" + SCHOOL_A;

    private ApiClient.Response getWith(String bearer, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api().base() + path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return api().send(request.GET());
    }

    /** A token shaped like the service's own, signed with {@code key}. */
    private String token(KeyPair key, String subject, Role role, String school, Instant issued, Instant expires) throws JOSEException {
        RSAKey jwk = new RSAKey.Builder((RSAPublicKey) key.getPublic()).privateKey(key.getPrivate()).keyIDFromThumbprint().build();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject)
                .issuer(api().base())
                .issueTime(Date.from(issued)).notBeforeTime(Date.from(issued)).expirationTime(Date.from(expires))
                .claim(SecurityConfiguration.ROLE_CLAIM, role.name());
        if (school != null) {
            claims.claim(SecurityConfiguration.SCHOOL_CLAIM, school);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(jwk.getKeyID()).build(), claims.build());
        jwt.sign(new RSASSASigner(jwk));
        return jwt.serialize();
    }

    private KeyPair serviceKey() {
        return TokenSigningKey.loadOrCreate(dataFolder().resolve("issuer").resolve("oauth-token-signing.key"));
    }

    private static void assertInvalidToken(ApiClient.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer").contains("error=\"invalid_token\"");
        JsonNode problem = response.json();
        assertThat(problem.path("code").asText()).isEqualTo("INVALID_TOKEN");
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("type").asText()).startsWith("https://");
        assertThat(problem.path("detail").asText()).contains("/oauth2/token");
    }

    @Nested
    class whenTheTokenIsSignedByTheService {
        @Test
        void a_current_token_is_accepted() throws Exception {
            Instant now = Instant.now();
            String token = token(serviceKey(), "bennghe.principal", Role.SCHOOL_SIGNER, SCHOOL_A, now, now.plus(Duration.ofMinutes(5)));
            assertThat(getWith(token, SCHOOLS + "/classes").status()).isEqualTo(200);
        }

        @Test
        void an_expired_token_is_401_with_www_authenticate() throws Exception {
            Instant issued = Instant.now().minus(Duration.ofHours(2));
            String token = token(serviceKey(), "bennghe.principal", Role.SCHOOL_SIGNER, SCHOOL_A, issued, issued.plus(Duration.ofMinutes(30)));
            assertInvalidToken(getWith(token, SCHOOLS + "/classes"));
        }
    }

    @Nested
    class whenTheTokenWasAltered {
        @Test
        void a_token_whose_school_was_changed_is_401() {
            String token = api().token("thuthiem.issuer");
            assertThat(getWith(token, "/api/v1/schools/" + SCHOOL_B + "/classes").status()).isEqualTo(200);
            String[] parts = token.split("\\.");
            ObjectNode claims = (ObjectNode) readJson(Base64.getUrlDecoder().decode(parts[1]));
            assertThat(claims.path(SecurityConfiguration.SCHOOL_CLAIM).asText()).isEqualTo(SCHOOL_B);
            claims.put(SecurityConfiguration.SCHOOL_CLAIM, SCHOOL_A);
            String altered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

            ApiClient.Response response = getWith(altered, SCHOOLS + "/classes");

            assertInvalidToken(response);
            assertThat(response.text()).doesNotContain("12A1");
        }

        @Test
        void a_token_signed_with_another_key_is_401() throws Exception {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            Instant now = Instant.now();
            String forged = token(rsa.generateKeyPair(), "so.admin", Role.DEPARTMENT_ADMIN, null, now, now.plus(Duration.ofMinutes(5)));
            assertInvalidToken(getWith(forged, "/api/v1/anchoring"));
        }

        @Test
        void a_token_without_a_signature_is_401() {
            String token = api().token("so.admin");
            String unsigned = token.substring(0, token.lastIndexOf('.') + 1);
            assertInvalidToken(getWith(unsigned, "/api/v1/anchoring"));
        }

        @Test
        void something_that_is_not_a_token_is_401() {
            assertInvalidToken(getWith("not-a-jwt", "/api/v1/anchoring"));
        }
    }

    @Nested
    class whenThereIsNoToken {
        @Test
        void the_answer_is_401_saying_how_to_sign_in() {
            ApiClient.Response response = getWith(null, "/api/v1/anchoring");
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(response.json().path("code").asText()).isEqualTo("UNAUTHENTICATED");
            assertThat(response.json().path("detail").asText()).contains("Authorization: Bearer");
        }
    }

    @Nested
    class whenTheAccountIsDisabled {
        private ApiClient.Response requestToken(String account, String password) {
            String basic = Base64.getEncoder().encodeToString((account + ":" + password).getBytes(StandardCharsets.UTF_8));
            return api().send(HttpRequest.newBuilder(URI.create(api().base() + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        }

        private long failedLogins(String account) {
            return jdbc.sql("select count(*) from audit_log where actor = ? and action = 'LOGIN_FAILED' and outcome = 'DENIED'")
                    .param(account).query(Long.class).single();
        }

        @Test
        void it_gets_no_token_until_enabled_again_and_the_attempt_is_audited() {
            assertThat(requestToken("thuthiem.principal", PASSWORD).status()).isEqualTo(200);
            long failedBefore = failedLogins("thuthiem.principal");
            jdbc.sql("update accounts set enabled = false where username = 'thuthiem.principal'").update();
            try {
                ApiClient.Response refused = requestToken("thuthiem.principal", PASSWORD);
                assertThat(refused.status()).as(refused.text()).isEqualTo(401);
                assertThat(refused.json().path("error").asText()).isEqualTo("invalid_client");
                assertThat(refused.text()).doesNotContain("access_token");
                assertThat(failedLogins("thuthiem.principal")).isEqualTo(failedBefore + 1);
            } finally {
                jdbc.sql("update accounts set enabled = true where username = 'thuthiem.principal'").update();
            }
            assertThat(requestToken("thuthiem.principal", PASSWORD).status()).isEqualTo(200);
        }

        @Test
        void a_wrong_password_gets_no_token_and_is_audited() {
            long failedBefore = failedLogins("thuthiem.principal");
            ApiClient.Response refused = requestToken("thuthiem.principal", "not-the-password");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().path("error").asText()).isEqualTo("invalid_client");
            assertThat(failedLogins("thuthiem.principal")).isEqualTo(failedBefore + 1);
        }

        @Test
        void a_token_issued_before_the_account_was_disabled_stops_working() {
            String earlier = requestToken("thuthiem.issuer", PASSWORD).json().path("access_token").asText();
            jdbc.sql("update accounts set enabled = false where username = 'thuthiem.issuer'").update();
            try {
                assertInvalidToken(getWith(earlier, "/api/v1/schools/" + SCHOOL_B + "/classes"));
            } finally {
                jdbc.sql("update accounts set enabled = true where username = 'thuthiem.issuer'").update();
            }
        }
    }

    private static JsonNode readJson(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
