package vn.academicledger.issuer.classes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.issuer.audit.AuditLog;
import vn.academicledger.issuer.security.Caller;
import vn.academicledger.issuer.security.Role;
import vn.academicledger.issuer.system.IssuerException;

@RestController
@RequestMapping("/api/v1/schools/{school}/classes")
@Tag(name = "Classes / Lớp học")
class ClassController {
    private final Classes classes;
    private final ClassUploads uploads;
    private final AuditLog audit;

    ClassController(Classes classes, ClassUploads uploads, AuditLog audit) {
        this.classes = classes;
        this.uploads = uploads;
        this.audit = audit;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a class's results: either one XLSX workbook (part 'workbook', sheets lop, hoc-sinh, diem) "
            + "or three CSV files (parts 'lop', 'hocSinh', 'diem'). All or nothing; 422 lists every bad row (file, row, column, reason).")
    ResponseEntity<ClassSummary> importClass(Caller caller, @PathVariable String school,
                                             @RequestPart(name = "workbook", required = false) MultipartFile workbook,
                                             @RequestPart(name = "lop", required = false) MultipartFile classFile,
                                             @RequestPart(name = "hocSinh", required = false) MultipartFile studentsFile,
                                             @RequestPart(name = "diem", required = false) MultipartFile scoresFile) throws IOException {
        caller.require(school, Role.SCHOOL_ISSUER);
        ClassUploads.Upload upload;
        try {
            upload = uploads.read(school, workbook, classFile, studentsFile, scoresFile);
            ClassSummary summary = classes.importClass(caller, school, upload.source(), upload.format(), upload.bytes());
            return ResponseEntity.created(URI.create("/api/v1/schools/" + school + "/classes/" + summary.id())).body(summary);
        } catch (InvalidInputException | IssuerException e) {
            audit.record(caller, AuditLog.Action.CLASS_IMPORT_REFUSED, school, null, AuditLog.Outcome.FAILED,
                    Map.of("reason", e.getMessage().length() > 500 ? e.getMessage().substring(0, 500) : e.getMessage()));
            throw ClassUploads.problem(e);
        }
    }

    @GetMapping
    @Operation(summary = "The school's classes")
    List<ClassSummary> list(Caller caller, @PathVariable String school) {
        caller.require(school, Role.SCHOOL_ISSUER, Role.SCHOOL_SIGNER);
        return classes.list(school);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One class")
    ClassSummary get(Caller caller, @PathVariable String school, @PathVariable UUID id) {
        caller.require(school, Role.SCHOOL_ISSUER, Role.SCHOOL_SIGNER);
        return classes.get(school, id);
    }

    @GetMapping("/{id}/students")
    @Operation(summary = "The class's students (names and numbers; grades stay in the import)")
    List<Classes.StudentRow> students(Caller caller, @PathVariable String school, @PathVariable UUID id) {
        caller.require(school, Role.SCHOOL_ISSUER, Role.SCHOOL_SIGNER);
        classes.get(school, id);
        audit.record(caller, AuditLog.Action.DATA_EXTRACTED, school, "class " + id + " students", AuditLog.Outcome.SUCCESS, Map.of());
        return classes.students(school, id);
    }
}
