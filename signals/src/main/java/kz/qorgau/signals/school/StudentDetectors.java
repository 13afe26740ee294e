package kz.qorgau.signals.school;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs every detector over one student, after the class-level figures are computed once. */
final class StudentDetectors {

    private final AttendanceDetectors attendance;
    private final GradeDeclineDetector grades;

    StudentDetectors(ScanContext context) {
        this.attendance = new AttendanceDetectors(context, new ClassAttendance(context));
        this.grades = new GradeDeclineDetector(context, new GradeNorms(context));
    }

    List<Signal> detect(StudentYear student) {
        List<Signal> signals = new ArrayList<>(2);
        attendance.detect(student, signals);
        Signal decline = grades.detect(student);
        if (decline != null) {
            signals.add(decline);
        }
        if (student.observations != null) {
            Map<String, List<ObservationRecord>> byKind = new LinkedHashMap<>();
            student.observations.stream()
                    .sorted(java.util.Comparator.comparing(ObservationRecord::date)
                            .thenComparing(ObservationRecord::kind)
                            .thenComparing(ObservationRecord::note))
                    .forEach(o -> byKind.computeIfAbsent(o.kind(), k -> new ArrayList<>())
                            .add(o));
            byKind.forEach(
                    (kind, records) -> signals.add(new Signal(kind, 1, 0, new Evidence.Observed(kind, records))));
        }
        return signals;
    }
}
