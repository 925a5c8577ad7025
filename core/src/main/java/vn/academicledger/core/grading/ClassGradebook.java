package vn.academicledger.core.grading;

import java.util.List;
import java.util.Objects;
import vn.academicledger.core.domain.School;
import vn.academicledger.core.domain.SchoolYear;

/** A class's gradebook for a school year: every student's {@link StudentGradebook}, in class-list order. */
public record ClassGradebook(School school, SchoolYear schoolYear, int grade, String className,
                             String homeroomTeacher, List<StudentGradebook> students) {
    public ClassGradebook {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(schoolYear, "schoolYear");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(homeroomTeacher, "homeroomTeacher");
        students = List.copyOf(students);
    }
}
