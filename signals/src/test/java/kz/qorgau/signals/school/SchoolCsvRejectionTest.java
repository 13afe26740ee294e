package kz.qorgau.signals.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class SchoolCsvRejectionTest {

    static final String ATTENDANCE_HEADER = "student,school,class,date,lesson,status\n";
    static final String GRADES_HEADER = "student,school,class,date,subject,score,max_score\n";

    static ScanReport scan(String attendance, String grades, String observations) {
        return SchoolCsv.scan(
                new SchoolCsv.Source("attendance.csv", new StringReader(attendance)),
                new SchoolCsv.Source("grades.csv", new StringReader(grades)),
                new SchoolCsv.Source("observations.csv", new StringReader(observations)),
                SchoolSignalsConfig.bundled(),
                ScanOptions.defaults());
    }

    @Test
    void badRowsAreReportedWithTheirLineNumbersAndTheRestIsProcessed() {
        String attendance = ATTENDANCE_HEADER
                + "s1,school-1,9A,2025-09-01,1,present\n" // 2
                + "s1,school-1,9A,2025-09-01,1,present\n" // 3 duplicate
                + "s1,school-1,9A,2025-09-01,2,asleep\n" // 4 unknown status
                + "s1,school-1,9A,2025-07-01,1,present\n" // 5 outside the school year
                + "s1,school-1,9A,2025-09-02,x,present\n" // 6 lesson not a number
                + "s1,school-1,9A,2025-09-02\n" // 7 too few fields
                + "s2,school-1,9A,2025-09-01,1,absent\n" // 8
                + "s2,school-1,9A,2025-02-30,1,absent\n"; // 9 no such date
        String grades = GRADES_HEADER
                + "s1,school-1,9A,2025-09-01,math,4,5\n" // 2
                + "s9,school-1,9A,2025-09-01,math,4,5\n" // 3 unknown student
                + "s1,school-1,9A,2025-09-01,math,7,5\n" // 4 above max
                + "s1,school-1,9A,2025-09-01,math,4,5\n" // 5 duplicate
                + "s1,school-1,9A,2026-06-15,math,4,5\n" // 6 outside the school year
                + "s2,school-1,9A,2025-09-02,math,\"4,5\",5\n"; // 7 decimal comma: accepted
        String observations = "student,date,kind,note\n"
                + "s1,2025-10-01,nights-away,\n" // 2
                + "s1,2025-10-01,astrology,\n" // 3 unknown kind
                + "s7,2025-10-01,new-phone,\n"; // 4 unknown student

        ScanReport report = scan(attendance, grades, observations);

        assertThat(report.rejected())
                .extracting(r -> r.source() + ":" + r.line())
                .containsExactly(
                        "attendance.csv:3",
                        "attendance.csv:4",
                        "attendance.csv:5",
                        "attendance.csv:6",
                        "attendance.csv:7",
                        "attendance.csv:9",
                        "grades.csv:3",
                        "grades.csv:4",
                        "grades.csv:5",
                        "grades.csv:6",
                        "observations.csv:3",
                        "observations.csv:4");
        assertThat(report.rejected().get(0).reason()).contains("duplicate");
        assertThat(report.rejected().get(1).reason()).contains("unknown status 'asleep'");
        assertThat(report.rejected().get(2).reason()).contains("outside the school year 2025-09-01..2026-05-31");
        assertThat(report.rejected().get(6).reason()).contains("s9 has no attendance");
        assertThat(report.rejected().get(7).reason()).contains("score 7 is above max_score 5");
        assertThat(report.rejected().get(10).reason()).contains("unknown observation kind 'astrology'");
        assertThat(report.counts().attendanceRows()).isEqualTo(2);
        assertThat(report.counts().gradeRows()).isEqualTo(2);
        assertThat(report.counts().observationRows()).isEqualTo(1);
        assertThat(report.anyRejected()).isTrue();
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsRejectsTheFileAtLineOne() {
        ScanReport report =
                scan("pupil,school,class,date,lesson,status\ns1,school-1,9A,2025-09-01,1,present\n", GRADES_HEADER, "");

        assertThat(report.rejected()).first().satisfies(r -> {
            assertThat(r.line()).isEqualTo(1);
            assertThat(r.reason()).contains("student,school,class,date,lesson,status");
        });
        assertThat(report.counts().attendanceRows()).isZero();
    }

    @Test
    void columnsAreFoundByNameInAnyOrderWithExtraColumnsAndAByteOrderMark() {
        ScanReport report = scan(
                "\uFEFFStatus,Lesson,Date,Class,School,Student,Teacher\npresent,1,2025-09-01,9A,school-1,s1,Ms A\n",
                GRADES_HEADER,
                "student,date,kind\ns1,2025-10-01,new-phone\n");

        assertThat(report.rejected()).isEmpty();
        assertThat(report.counts().attendanceRows()).isEqualTo(1);
        assertThat(report.counts().observationRows()).isEqualTo(1);
    }

    @Test
    void theSchoolYearIsInferredFromMostOfTheDatesNotFromTheFirstRow() {
        ScanReport report = scan(
                ATTENDANCE_HEADER
                        + "s1,school-1,9A,2019-10-01,1,present\n"
                        + "s1,school-1,9A,2025-09-01,1,present\n"
                        + "s1,school-1,9A,2025-09-02,1,present\n",
                GRADES_HEADER,
                "");

        assertThat(report.schoolYear())
                .isEqualTo(new SchoolYear(java.time.LocalDate.of(2025, 9, 1), java.time.LocalDate.of(2026, 5, 31)));
        assertThat(report.rejected()).extracting(RejectedRow::line).containsExactly(2L);
    }

    @Test
    void lineNumbersCountTheLinesOfAQuotedFieldSpanningTwoLines() {
        ScanReport report = scan(
                ATTENDANCE_HEADER + "s1,school-1,9A,2025-09-01,1,present\n",
                GRADES_HEADER,
                "student,date,kind,note\ns1,2025-10-01,nights-away,\"first line\nsecond line\"\ns1,2025-10-02,unknown,\n");

        assertThat(report.rejected()).extracting(RejectedRow::line).containsExactly(4L);
        assertThat(report.counts().observationRows()).isEqualTo(1);
    }

    @Test
    void marksWithoutAnyAttendanceAreRejectedNotACrash() {
        ScanReport report = scan(ATTENDANCE_HEADER, GRADES_HEADER + "s1,school-1,9A,2025-09-01,math,4,5\n", "");

        assertThat(report.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.reason()).contains("no attendance rows");
        });
        assertThat(report.flagged()).isEmpty();
    }

    @Test
    void attendanceAfterGradesIsACallerBugThatStopsTheReadingCleanly() {
        SchoolScan scan = SchoolScan.begin(SchoolSignalsConfig.bundled(), ScanOptions.defaults());
        SchoolCsv.readGrades(
                new SchoolCsv.Source(
                        "grades.csv", new StringReader(GRADES_HEADER + "s1,school-1,9A,2025-09-01,math,4,5\n")),
                scan);
        StringBuilder attendance = new StringBuilder(ATTENDANCE_HEADER);
        for (int i = 0; i < 50_000; i++) {
            attendance
                    .append("s")
                    .append(i % 500)
                    .append(",school-1,9A,2025-09-0")
                    .append(1 + i / 500 % 5)
                    .append(",1,present\n");
        }

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SchoolCsv.readAttendance(
                        new SchoolCsv.Source("attendance.csv", new StringReader(attendance.toString())), scan))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("feed all attendance before grades");
    }
}
