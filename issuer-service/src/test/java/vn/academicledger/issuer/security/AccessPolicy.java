package vn.academicledger.issuer.security;

import static vn.academicledger.issuer.security.Role.AUDITOR;
import static vn.academicledger.issuer.security.Role.DEPARTMENT_ADMIN;
import static vn.academicledger.issuer.security.Role.SCHOOL_ISSUER;
import static vn.academicledger.issuer.security.Role.SCHOOL_SIGNER;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import vn.academicledger.core.grading.SyntheticClasses;
import vn.academicledger.core.vc.BundledContexts;
import vn.academicledger.issuer.support.ApiClient;

/**
 * The authorization policy of the issuer service as a table: for every operation, who may call it,
 * how the matrix calls it on school A's resources, and what each caller must get. An operation of
 * the API document that has no rule here fails {@code AuthorizationMatrixTest}.
 */
final class AccessPolicy {
    private AccessPolicy() {
    }

    private static final String A = "/api/v1/schools/" + vn.academicledger.issuer.support.IssuerServiceTest.SCHOOL_A;

    /** Whoever calls: nobody, or one of the demo accounts. */
    enum Requester {
        ANONYMOUS(null, null, null),
        SO_ADMIN("so.admin", DEPARTMENT_ADMIN, null),
        SO_AUDITOR("so.auditor", AUDITOR, null),
        BENNGHE_ISSUER("bennghe.issuer", SCHOOL_ISSUER, "79000701"),
        BENNGHE_PRINCIPAL("bennghe.principal", SCHOOL_SIGNER, "79000701"),
        THUTHIEM_ISSUER("thuthiem.issuer", SCHOOL_ISSUER, "79000702"),
        THUTHIEM_PRINCIPAL("thuthiem.principal", SCHOOL_SIGNER, "79000702");

        private final String account;
        private final Role role;
        private final String schoolCode;

        Requester(String account, Role role, String schoolCode) {
            this.account = account;
            this.role = role;
            this.schoolCode = schoolCode;
        }

        String account() {
            return account;
        }

        Role role() {
            return role;
        }

        String schoolCode() {
            return schoolCode;
        }

        String label() {
            return account == null ? "anonymous" : account;
        }
    }

    /** School A's resources the calls name, made before the matrix runs. */
    record Fixture(String school, String schoolDid, UUID classId, UUID studentId, UUID classJob, UUID readable,
                   UUID revocable, int statusList, UUID jobToApprove, UUID jobToReject,
                   SyntheticClasses.ClassFiles freshClass, List<String> privateData) {
    }

    /** One HTTP request; {@code body} null sends none. */
    record Call(String method, String path, String contentType, byte[] body) {
        static Call get(String path) {
            return new Call("GET", path, null, null);
        }

        static Call post(String path, String json) {
            return new Call("POST", path, "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8));
        }

        /** multipart/form-data: part name → (file name, text). */
        static Call multipart(String path, Map<String, Map.Entry<String, String>> parts) {
            String boundary = "matrix-" + UUID.randomUUID();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            parts.forEach((name, file) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                    + "\"; filename=\"" + file.getKey() + "\"\r\nContent-Type: text/csv\r\n\r\n" + file.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return new Call("POST", path, "multipart/form-data; boundary=" + boundary, out.toByteArray());
        }
    }

    /**
     * What a caller must get: a status and, for a problem, its {@code code} (null: any). Every
     * 4xx/5xx must be RFC 9457 problem details; every 401 must say how to authenticate.
     */
    record Expectation(int status, String code) {
        static Expectation of(int status) {
            return new Expectation(status, null);
        }

        static Expectation of(int status, String code) {
            return new Expectation(status, code);
        }

        List<String> mismatches(ApiClient.Response response) {
            List<String> wrong = new ArrayList<>();
            if (response.status() != status) {
                wrong.add("status " + response.status() + ", expected " + status);
            }
            if (response.status() < 400) {
                return wrong;
            }
            String type = response.header("Content-Type");
            if (type == null || !type.startsWith("application/problem+json")) {
                wrong.add("content type " + type + ", expected application/problem+json");
                return wrong;
            }
            var json = response.json();
            for (String member : List.of("type", "title", "status", "detail", "code")) {
                if (!json.hasNonNull(member) || json.get(member).asText().isBlank()) {
                    wrong.add("problem without '" + member + "'");
                }
            }
            if (json.path("status").asInt() != response.status()) {
                wrong.add("problem status " + json.path("status") + " differs from the HTTP status");
            }
            if (code != null && !code.equals(json.path("code").asText())) {
                wrong.add("code " + json.path("code").asText() + ", expected " + code);
            }
            if (response.status() == 401 && response.header("WWW-Authenticate") == null) {
                wrong.add("401 without WWW-Authenticate");
            }
            return wrong;
        }

        @Override
        public String toString() {
            return status + (code == null ? "" : " " + code);
        }
    }

    static final Expectation UNAUTHENTICATED = Expectation.of(401, "UNAUTHENTICATED");
    static final Expectation FORBIDDEN = Expectation.of(403, "FORBIDDEN");
    static final Expectation NOT_FOUND = Expectation.of(404, "NOT_FOUND");

    /** How an operation names the school it acts on. */
    enum Scope {
        /** No school's records, or answers filtered to the caller's school. */
        NONE,
        /** The school is in the path: another school's roles are refused (404, as if it did not exist). */
        PATH,
        /** The school is the token's: another school's roles act on their own school and find nothing of A's. */
        TOKEN
    }

    /** Who may call one operation, and what everyone gets. */
    static final class Rule {
        private final String operation;
        private final Function<Fixture, Call> call;
        private Set<Role> roles = EnumSet.allOf(Role.class);
        private boolean isPublic;
        private boolean documented = true;
        private boolean mutating;
        private Scope scope = Scope.PATH;
        private Expectation allowed = Expectation.of(200);
        private Expectation foreignSchool = NOT_FOUND;
        private final Map<Requester, Expectation> answers = new EnumMap<>(Requester.class);
        private Function<Fixture, Call> invalidCall;
        private final Map<Requester, Expectation> invalidAnswers = new EnumMap<>(Requester.class);
        private Expectation validatesBeforeAuthorizing;

        private Rule(String operation, Function<Fixture, Call> call) {
            this.operation = operation;
            this.call = call;
        }

        String operation() {
            return operation;
        }

        /** A regular expression the concrete call must match: the operation with its path variables filled. */
        String pattern() {
            return java.util.regex.Pattern.quote(operation).replaceAll("\\{[^/}]+}", "\\\\E[^/]+\\\\Q");
        }

        boolean documented() {
            return documented;
        }

        boolean writes() {
            return mutating;
        }

        Call call(Fixture fixture) {
            return call.apply(fixture);
        }

        /** The same operation with a body or query that fails validation; null when there is none to send. */
        Call invalidCall(Fixture fixture) {
            return invalidCall == null ? null : invalidCall.apply(fixture);
        }

        boolean isPublic() {
            return isPublic;
        }

        boolean refuses(Requester requester) {
            if (isPublic) {
                return false;
            }
            if (requester.role() == null || !roles.contains(requester.role())) {
                return true;
            }
            return foreign(requester);
        }

        private boolean foreign(Requester requester) {
            return scope != Scope.NONE && requester.schoolCode() != null
                    && !requester.schoolCode().equals(vn.academicledger.issuer.support.IssuerServiceTest.SCHOOL_A);
        }

        Expectation expectation(Requester requester) {
            if (isPublic) {
                return answers.getOrDefault(requester, allowed);
            }
            if (requester.role() == null) {
                return UNAUTHENTICATED;
            }
            if (!roles.contains(requester.role())) {
                return FORBIDDEN;
            }
            if (foreign(requester)) {
                return foreignSchool;
            }
            return answers.getOrDefault(requester, allowed);
        }

        /** A refused caller's answer with an invalid request: the same refusal, unless the rule records that it validates first. */
        Expectation invalidBodyExpectation(Requester requester) {
            if (invalidAnswers.containsKey(requester)) {
                return invalidAnswers.get(requester);
            }
            if (validatesBeforeAuthorizing != null && requester.role() != null) {
                return validatesBeforeAuthorizing;
            }
            return expectation(requester);
        }

        Rule roles(Role... allowedRoles) {
            roles = EnumSet.copyOf(List.of(allowedRoles));
            return this;
        }

        Rule anyAccount() {
            roles = EnumSet.allOf(Role.class);
            scope = Scope.NONE;
            return this;
        }

        Rule everyone() {
            isPublic = true;
            scope = Scope.NONE;
            return this;
        }

        Rule outsideDocument() {
            documented = false;
            return this;
        }

        Rule scope(Scope s) {
            scope = s;
            return this;
        }

        /** The operation changes stored state when allowed: refused calls are checked to change nothing. */
        Rule writing() {
            mutating = true;
            return this;
        }

        Rule answers(Expectation e) {
            allowed = e;
            return this;
        }

        Rule answers(Requester requester, Expectation e) {
            answers.put(requester, e);
            return this;
        }

        Rule foreignSchool(Expectation e) {
            foreignSchool = e;
            return this;
        }

        Rule invalid(Function<Fixture, Call> c) {
            invalidCall = c;
            return this;
        }

        Rule invalidAnswers(Requester requester, Expectation e) {
            invalidAnswers.put(requester, e);
            return this;
        }

        /**
         * A known defect: the operation checks the request before the caller, so a refused caller
         * with a token gets this validation error instead of 403/404. Remove once fixed.
         */
        Rule validatesBeforeAuthorizing(Expectation e) {
            validatesBeforeAuthorizing = e;
            return this;
        }

        @Override
        public String toString() {
            return operation;
        }
    }

    private static Rule rule(String operation, Function<Fixture, Call> call) {
        return new Rule(operation, call);
    }

    private static String json(Map<String, ?> members) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(members);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, Map.Entry<String, String>> csvParts(SyntheticClasses.ClassFiles files) {
        Map<String, Map.Entry<String, String>> parts = new LinkedHashMap<>();
        parts.put("lop", Map.entry("lop.csv", files.classCsv()));
        parts.put("hocSinh", Map.entry("hoc-sinh.csv", files.studentsCsv()));
        parts.put("diem", Map.entry("diem.csv", files.scoresCsv()));
        return parts;
    }

    private static String certificateRequest(String issuerDid) {
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of(BundledContexts.CREDENTIALS_V2, BundledContexts.ACADEMIC_LEDGER_V1));
        credential.put("type", List.of("VerifiableCredential", "CertificateCredential"));
        credential.put("issuer", issuerDid);
        credential.put("credentialSubject", Map.of("id", "did:example:matrix-holder", "certificate", Map.of("name", "Tin học")));
        return json(Map.of("credential", credential));
    }

    static final String NEW_SCHOOL = "79000777";

    /** The policy. Order matters only for the allowed calls: they run top to bottom, callers in {@link Requester} order. */
    static final List<Rule> RULES = List.of(
            // Schools: the department accredits; everyone reads what they may see.
            rule("GET /api/v1/schools", f -> Call.get("/api/v1/schools")).anyAccount(),
            rule("POST /api/v1/schools", f -> Call.post("/api/v1/schools", json(Map.of("code", NEW_SCHOOL,
                    "name", "Trường Trung học phổ thông Kiểm Thử", "did", "did:web:thptkiemthu.hcm.edu.vn", "address", "1 Lê Lợi",
                    "ward", "Phường Sài Gòn", "province", "Thành phố Hồ Chí Minh"))))
                    .roles(DEPARTMENT_ADMIN).scope(Scope.NONE).writing().answers(Expectation.of(201))
                    .invalid(f -> Call.post("/api/v1/schools", json(Map.of("code", "7900")))),
            rule("GET /api/v1/schools/{code}", f -> Call.get("/api/v1/schools/" + f.school()))
                    .roles(DEPARTMENT_ADMIN, AUDITOR, SCHOOL_ISSUER, SCHOOL_SIGNER),
            rule("POST /api/v1/schools/{code}/keys/rotate", f -> Call.post("/api/v1/schools/" + f.school() + "/keys/rotate", null))
                    .roles(DEPARTMENT_ADMIN).writing(),

            // Classes: the school's registrar imports; registrar and principal read.
            rule("POST /api/v1/schools/{school}/classes", f -> Call.multipart(A + "/classes", csvParts(f.freshClass())))
                    .roles(SCHOOL_ISSUER).writing().answers(Expectation.of(201))
                    .invalid(f -> Call.multipart(A + "/classes", Map.of("lop", Map.entry("lop.csv", f.freshClass().classCsv())))),
            rule("GET /api/v1/schools/{school}/classes", f -> Call.get(A + "/classes")).roles(SCHOOL_ISSUER, SCHOOL_SIGNER),
            rule("GET /api/v1/schools/{school}/classes/{id}", f -> Call.get(A + "/classes/" + f.classId()))
                    .roles(SCHOOL_ISSUER, SCHOOL_SIGNER),
            rule("GET /api/v1/schools/{school}/classes/{id}/students", f -> Call.get(A + "/classes/" + f.classId() + "/students"))
                    .roles(SCHOOL_ISSUER, SCHOOL_SIGNER),

            // Issuance jobs: registrar or principal prepares; only the principal approves or rejects.
            rule("POST /api/v1/schools/{school}/jobs", f -> Call.post(A + "/jobs",
                    json(Map.of("type", "REPORT_CARD", "studentId", f.studentId().toString()))))
                    .roles(SCHOOL_ISSUER, SCHOOL_SIGNER).writing().answers(Expectation.of(202))
                    .invalid(f -> Call.post(A + "/jobs", json(Map.of("type", "NO_SUCH_TYPE", "studentId", f.studentId().toString())))),
            rule("GET /api/v1/schools/{school}/jobs", f -> Call.get(A + "/jobs")).roles(SCHOOL_ISSUER, SCHOOL_SIGNER),
            rule("GET /api/v1/schools/{school}/jobs/{id}", f -> Call.get(A + "/jobs/" + f.classJob())).roles(SCHOOL_ISSUER, SCHOOL_SIGNER),
            rule("POST /api/v1/schools/{school}/jobs/{id}/approve", f -> Call.post(A + "/jobs/" + f.jobToApprove() + "/approve", "{}"))
                    .roles(SCHOOL_SIGNER).writing(),
            rule("POST /api/v1/schools/{school}/jobs/{id}/reject", f -> Call.post(A + "/jobs/" + f.jobToReject() + "/reject",
                    json(Map.of("reason", "authorization matrix"))))
                    .roles(SCHOOL_SIGNER).writing(),

            // Issued credentials: the school's registrar and principal.
            rule("GET /api/v1/schools/{school}/credentials", f -> Call.get(A + "/credentials?jobId=" + f.classJob()))
                    .roles(SCHOOL_ISSUER, SCHOOL_SIGNER)
                    .invalid(f -> Call.get(A + "/credentials?limit=0")),
            rule("GET /api/v1/schools/{school}/credentials/{id}", f -> Call.get(A + "/credentials/" + f.readable()))
                    .roles(SCHOOL_ISSUER, SCHOOL_SIGNER),
            rule("GET /api/v1/schools/{school}/credentials/{id}/vc", f -> Call.get(A + "/credentials/" + f.readable() + "/vc"))
                    .roles(SCHOOL_ISSUER, SCHOOL_SIGNER),
            rule("GET /api/v1/schools/{school}/credentials/{id}/pdf", f -> Call.get(A + "/credentials/" + f.readable() + "/pdf?lang=en"))
                    .roles(SCHOOL_ISSUER, SCHOOL_SIGNER)
                    .invalid(f -> Call.get(A + "/credentials/" + f.readable() + "/pdf?lang=xx")),
            rule("POST /api/v1/schools/{school}/credentials/{id}/revoke", f -> Call.post(A + "/credentials/" + f.revocable() + "/revoke",
                    json(Map.of("reasonCode", "ISSUED_IN_ERROR", "note", "authorization matrix"))))
                    .roles(SCHOOL_ISSUER, SCHOOL_SIGNER).writing()
                    .answers(Requester.BENNGHE_PRINCIPAL, Expectation.of(409, "ALREADY_REVOKED"))
                    .invalid(f -> Call.post(A + "/credentials/" + f.revocable() + "/revoke", json(Map.of("reasonCode", "NO_SUCH_REASON")))),
            rule("GET /api/v1/revocation-reasons", f -> Call.get("/api/v1/revocation-reasons")).anyAccount(),

            // The department's oversight.
            rule("GET /api/v1/audit", f -> Call.get("/api/v1/audit?school=" + f.school() + "&limit=5")).roles(AUDITOR).scope(Scope.NONE)
                    .invalid(f -> Call.get("/api/v1/audit?limit=0")),
            rule("GET /api/v1/anchoring", f -> Call.get("/api/v1/anchoring")).roles(DEPARTMENT_ADMIN, AUDITOR).scope(Scope.NONE),

            // VC-API: the school is the token's. A certificate is signed at once, so only a principal issues one.
            rule("POST /credentials/issue", f -> Call.post("/credentials/issue", certificateRequest(f.schoolDid())))
                    .roles(SCHOOL_SIGNER).scope(Scope.TOKEN).writing()
                    .answers(Expectation.of(400, "INVALID_SUBJECT"))
                    .foreignSchool(Expectation.of(400, "ISSUER_MISMATCH"))
                    .invalid(f -> Call.post("/credentials/issue", "{}"))
                    .invalidAnswers(Requester.THUTHIEM_PRINCIPAL, Expectation.of(400, "MISSING_CREDENTIAL")),
            rule("GET /credentials/{id}", f -> Call.get("/credentials/urn:uuid:" + f.readable()))
                    .roles(SCHOOL_ISSUER, SCHOOL_SIGNER).scope(Scope.TOKEN),

            // Public: status lists, the API document, health, the authorization server's discovery.
            rule("GET /status-lists/{school}/{list}", f -> Call.get("/status-lists/" + f.school() + "/" + f.statusList())).everyone(),
            // The verifier's lookup behind QR codes: opened by the credential's QR access token, never by a bearer token.
            rule("GET /qr/credentials/{id}", f -> Call.get("/qr/credentials/" + f.readable())).everyone()
                    .answers(Expectation.of(401, "INVALID_QR_TOKEN")),
            rule("GET /v3/api-docs", f -> Call.get("/v3/api-docs")).everyone().outsideDocument(),
            rule("GET /actuator/health", f -> Call.get("/actuator/health")).everyone().outsideDocument(),
            rule("GET /.well-known/openid-configuration", f -> Call.get("/.well-known/openid-configuration")).everyone().outsideDocument(),
            rule("GET /oauth2/jwks", f -> Call.get("/oauth2/jwks")).everyone().outsideDocument());

    static {
        Set<String> seen = new java.util.HashSet<>();
        for (Rule r : RULES) {
            if (!seen.add(r.operation())) {
                throw new IllegalStateException("two rules for " + r.operation());
            }
        }
    }
}
