package kz.qorgau.server.signals;

import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.core.casework.CaseworkRules;
import kz.qorgau.server.audit.AuditTrail;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.intake.Reports;
import kz.qorgau.server.platform.Dates;
import kz.qorgau.server.platform.FieldCipher;
import kz.qorgau.server.platform.SqlTime;
import kz.qorgau.signals.school.AttendanceRecord;
import kz.qorgau.signals.school.AttendanceStatus;
import kz.qorgau.signals.school.FlaggedStudent;
import kz.qorgau.signals.school.GradeRecord;
import kz.qorgau.signals.school.ObservationRecord;
import kz.qorgau.signals.school.RejectedRow;
import kz.qorgau.signals.school.ScanOptions;
import kz.qorgau.signals.school.ScanReport;
import kz.qorgau.signals.school.SchoolCsv;
import kz.qorgau.signals.school.SchoolScan;
import kz.qorgau.signals.school.SchoolSignalJson;
import kz.qorgau.signals.school.SchoolSignalsConfig;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ingests a school's attendance, grades and observations: the scan runs in memory as of today
 * (Asia/Almaty, from the server's clock) and only the flagged students leave it — everything else in
 * the upload is never stored. For each flagged student: an undecided signal is refreshed with the new
 * evidence; a student whose earlier signal became a case that is still open gets the evidence on that
 * case's timeline; a student the lead decided about recently is not raised again unless a new kind of
 * signal appears; otherwise a new signal goes to the school's safeguarding lead with a deadline of
 * {@code qorgau.signals.school-decision-days} working days. Student ids recorded on open cases are
 * matched too. One transaction per upload.
 */
@Service
class SchoolIngestion {

    static final String SOURCE = "school";
    static final String TABLE = "school_signal";
    private static final int MAX_NOTE = 2000;

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final KnownIdentifiers identifiers;
    private final SignalMatches matches;
    private final SignalBatches batches;
    private final Reports reports;
    private final AuditTrail audit;
    private final CaseworkRules rules;
    private final SignalSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SchoolSignalsConfig config = SchoolSignalsConfig.bundled();

    SchoolIngestion(
            JdbcClient jdbc,
            FieldCipher cipher,
            BlindIndex index,
            KnownIdentifiers identifiers,
            SignalMatches matches,
            SignalBatches batches,
            Reports reports,
            AuditTrail audit,
            CaseworkRules rules,
            SignalSettings settings,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.index = index;
        this.identifiers = identifiers;
        this.matches = matches;
        this.batches = batches;
        this.reports = reports;
        this.audit = audit;
        this.rules = rules;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A row that was not used. */
    record Rejection(String source, long line, String reason) {}

    /**
     * What an upload came to. Counts only: the flagged students are for the school's safeguarding lead,
     * on {@code /staff/signals}.
     *
     * @param students students with attendance in the upload
     * @param flagged students whose evidence reached the threshold
     * @param raised new signals for the lead
     * @param refreshed undecided signals updated with the new evidence
     * @param addedToCases flagged students whose evidence went to the open case made from their earlier
     *     signal, or to a case that recorded their student id
     * @param suppressed flagged students decided about within the quiet period, with no new kind of signal
     */
    record Result(
            UUID upload,
            String school,
            LocalDate asOf,
            int students,
            long rejectedRows,
            List<Rejection> rejected,
            int flagged,
            int raised,
            int refreshed,
            int addedToCases,
            int suppressed,
            String configVersion) {}

    /** Attendance (required), grades and observations as CSV streams. */
    Result ingestCsv(
            StaffMember caller,
            Organisation school,
            BoundedBody attendance,
            @Nullable BoundedBody grades,
            @Nullable BoundedBody observations) {
        LocalDate asOf = today();
        ScanReport report;
        try {
            report = SchoolCsv.scan(
                    new SchoolCsv.Source("attendance", attendance.reader()),
                    new SchoolCsv.Source("grades", grades == null ? new StringReader("") : grades.reader()),
                    observations == null ? null : new SchoolCsv.Source("observations", observations.reader()),
                    config,
                    ScanOptions.defaults().withAsOf(asOf));
        } catch (UncheckedIOException e) {
            checkAll(attendance, grades, observations);
            throw SignalProblems.unreadable("the upload could not be read: " + e.getMessage());
        }
        checkAll(attendance, grades, observations);
        return store(caller, school, asOf, report);
    }

    private static void checkAll(BoundedBody... bodies) {
        Arrays.stream(bodies).filter(b -> b != null).forEach(BoundedBody::check);
    }

    /** Records as JSON (small uploads through the API): the same scan, each item numbered from 1. */
    record Records(
            @Nullable List<Attendance> attendance,
            @Nullable List<Grade> grades,
            @Nullable List<Observation> observations) {}

    record Attendance(
            @Nullable String student,
            @Nullable String school,
            @Nullable String schoolClass,
            @Nullable String date,
            @Nullable Integer lesson,
            @Nullable String status) {}

    record Grade(
            @Nullable String student,
            @Nullable String school,
            @Nullable String schoolClass,
            @Nullable String date,
            @Nullable String subject,
            @Nullable Double score,
            @Nullable Double maxScore) {}

    record Observation(
            @Nullable String student,
            @Nullable String date,
            @Nullable String kind,
            @Nullable String note) {}

    Result ingestRecords(StaffMember caller, Organisation school, Records records) {
        LocalDate asOf = today();
        SchoolScan scan = SchoolScan.begin(config, ScanOptions.defaults().withAsOf(asOf));
        List<Attendance> attendance = records.attendance() == null ? List.of() : records.attendance();
        for (int i = 0; i < attendance.size(); i++) {
            Attendance a = attendance.get(i);
            long line = i + 1;
            try {
                AttendanceStatus status = AttendanceStatus.fromCsv(required(a.status(), "status"))
                        .orElseThrow(() ->
                                new IllegalArgumentException("status must be present, absent, absent-excused or late"));
                scan.attendance(
                        new AttendanceRecord(
                                required(a.student(), "student"),
                                required(a.school(), "school"),
                                required(a.schoolClass(), "schoolClass"),
                                date(a.date()),
                                a.lesson() == null ? reject("lesson") : a.lesson(),
                                status),
                        "attendance",
                        line);
            } catch (IllegalArgumentException e) {
                scan.reject("attendance", line, e.getMessage());
            }
        }
        List<Grade> grades = records.grades() == null ? List.of() : records.grades();
        for (int i = 0; i < grades.size(); i++) {
            Grade g = grades.get(i);
            long line = i + 1;
            try {
                scan.grade(
                        new GradeRecord(
                                required(g.student(), "student"),
                                required(g.school(), "school"),
                                required(g.schoolClass(), "schoolClass"),
                                date(g.date()),
                                required(g.subject(), "subject"),
                                g.score() == null ? reject("score") : g.score(),
                                g.maxScore() == null ? reject("maxScore") : g.maxScore()),
                        "grades",
                        line);
            } catch (IllegalArgumentException e) {
                scan.reject("grades", line, e.getMessage());
            }
        }
        List<Observation> observations = records.observations() == null ? List.of() : records.observations();
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            long line = i + 1;
            try {
                String note = o.note() == null ? "" : o.note();
                if (note.length() > MAX_NOTE) {
                    throw new IllegalArgumentException("note is longer than " + MAX_NOTE + " characters");
                }
                scan.observation(
                        new ObservationRecord(
                                required(o.student(), "student"), date(o.date()), required(o.kind(), "kind"), note),
                        "observations",
                        line);
            } catch (IllegalArgumentException e) {
                scan.reject("observations", line, e.getMessage());
            }
        }
        return store(caller, school, asOf, scan.finish());
    }

    private static String required(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    private static <T> T reject(String field) {
        throw new IllegalArgumentException(field + " is required");
    }

    private static LocalDate date(@Nullable String text) {
        try {
            return LocalDate.parse(required(text, "date").strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date '" + text + "' is not an ISO date (YYYY-MM-DD)");
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Dates.KAZAKHSTAN);
    }

    // ---- storing

    private Result store(StaffMember caller, Organisation school, LocalDate asOf, ScanReport report) {
        List<Rejection> rejected = new ArrayList<>();
        for (RejectedRow row : report.rejected()) {
            if (rejected.size() >= settings.maxRejectionsListed()) {
                break;
            }
            rejected.add(new Rejection(row.source(), row.line(), row.reason()));
        }
        if (report.counts().attendanceRows() == 0) {
            RejectedRow first =
                    report.rejected().isEmpty() ? null : report.rejected().getFirst();
            throw SignalProblems.unusableInput(
                    "attendance",
                    first == null ? 1 : first.line(),
                    first == null
                            ? "no attendance rows as of " + asOf + "; attendance is required."
                            : first.source() + ": " + first.reason());
        }
        Result result = transaction.execute(status -> storeFlagged(caller, school, asOf, report, rejected));
        if (result == null) {
            throw new IllegalStateException("the school upload transaction returned nothing");
        }
        return result;
    }

    private record Latest(
            UUID id,
            String state,
            Set<String> kinds,
            @Nullable Instant decidedAt,
            @Nullable UUID reportId) {}

    private Result storeFlagged(
            StaffMember caller, Organisation school, LocalDate asOf, ScanReport report, List<Rejection> rejected) {
        batches.lock(SOURCE);
        Instant now = clock.instant();
        UUID upload = UUID.randomUUID();
        Instant decideBy = rules.calendar().addWorkingDays(now, settings.schoolDecisionDays());
        int raised = 0;
        int refreshed = 0;
        int added = 0;
        int suppressed = 0;
        Map<String, FlaggedStudent> byDigest = new LinkedHashMap<>();
        for (FlaggedStudent student : report.flagged()) {
            byDigest.put(studentDigest(school.code(), student.student()), student);
        }
        Set<String> handledOnCases = new LinkedHashSet<>();
        List<String> raisedIds = new ArrayList<>();
        for (Map.Entry<String, FlaggedStudent> e : byDigest.entrySet()) {
            String digest = e.getKey();
            FlaggedStudent student = e.getValue();
            String evidence = SchoolSignalJson.line(student, report.configVersion());
            Set<String> kinds = kinds(student);
            Latest latest = latest(school.code(), digest).orElse(null);
            if (latest != null && latest.state().equals(SchoolSignals.OPEN)) {
                int updated = jdbc.sql("""
                                update school_signal set evidence_sealed = ?, score = ?, kinds = ?, as_of = ?,
                                       updated_at = ?, config_version = ?
                                where id = ? and state = 'OPEN'""")
                        .params(
                                cipher.seal(evidence, TABLE, "evidence_sealed", latest.id()),
                                student.score(),
                                String.join(",", kinds),
                                asOf,
                                SqlTime.bind(now),
                                report.configVersion(),
                                latest.id())
                        .update();
                if (updated == 1) {
                    refreshed++;
                    audit.record(
                            "school-signal.refreshed",
                            null,
                            KnownIdentifiers.actor(caller),
                            Map.of(
                                    "signal",
                                    latest.id().toString(),
                                    "upload",
                                    upload.toString(),
                                    "evidence",
                                    evidence));
                    continue;
                }
            }
            Optional<UUID> caseOfEarlier = latest == null || latest.reportId() == null
                    ? Optional.empty()
                    : reports.caseOf(latest.reportId()).filter(identifiers::isOpen);
            if (caseOfEarlier.isPresent()) {
                if (matches.recordOnce(
                        caseOfEarlier.get(),
                        SOURCE,
                        upload + ":" + digest,
                        summary(student),
                        caseEvidence(school, student, report.configVersion(), asOf))) {
                    added++;
                }
                handledOnCases.add(digest + "|" + caseOfEarlier.get());
                continue;
            }
            if (latest != null
                    && latest.state().equals(SchoolSignals.DISMISSED)
                    && latest.decidedAt() != null
                    && latest.decidedAt().plus(settings.schoolQuietPeriod()).isAfter(now)
                    && latest.kinds().containsAll(kinds)) {
                suppressed++;
                continue;
            }
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                            insert into school_signal (id, batch_id, school_code, student_digest, student_sealed, score,
                                                       kinds, config_version, as_of, evidence_sealed, raised_at,
                                                       updated_at, decide_by, state)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""")
                    .params(
                            id,
                            upload,
                            school.code(),
                            digest,
                            cipher.seal(student.student(), TABLE, "student_sealed", id),
                            student.score(),
                            String.join(",", kinds),
                            report.configVersion(),
                            asOf,
                            cipher.seal(evidence, TABLE, "evidence_sealed", id),
                            SqlTime.bind(now),
                            SqlTime.bind(now),
                            SqlTime.bind(decideBy))
                    .update();
            raised++;
            raisedIds.add(id.toString());
            audit.record(
                    "school-signal.raised",
                    null,
                    KnownIdentifiers.actor(caller),
                    Map.of("signal", id.toString(), "school", school.code(), "evidence", evidence));
        }
        // Cases on which a case worker recorded the student's id.
        Map<String, List<UUID>> cases = identifiers.openCasesWith(IdentifierKind.STUDENT_ID, byDigest.keySet());
        for (Map.Entry<String, List<UUID>> e : cases.entrySet()) {
            FlaggedStudent student = byDigest.get(e.getKey());
            for (UUID caseId : e.getValue()) {
                if (handledOnCases.contains(e.getKey() + "|" + caseId)) {
                    continue;
                }
                if (matches.recordOnce(
                        caseId,
                        SOURCE,
                        upload + ":" + e.getKey(),
                        summary(student),
                        caseEvidence(school, student, report.configVersion(), asOf))) {
                    added++;
                }
            }
        }
        batches.insert(
                upload,
                SOURCE,
                now,
                caller,
                new SignalBatches.Counts(
                        report.counts().attendanceRows()
                                + report.counts().gradeRows()
                                + report.counts().observationRows()
                                + report.counts().rejectedRows(),
                        report.counts().rejectedRows(),
                        raised,
                        added));
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("upload", upload.toString());
        content.put("school", school.code());
        content.put("asOf", asOf.toString());
        content.put("students", report.counts().students());
        content.put("flagged", report.flagged().size());
        content.put("raised", raisedIds);
        audit.record("signals.school.ingested", null, KnownIdentifiers.actor(caller), content);
        return new Result(
                upload,
                school.code(),
                asOf,
                report.counts().students(),
                report.counts().rejectedRows(),
                rejected,
                report.flagged().size(),
                raised,
                refreshed,
                added,
                suppressed,
                report.configVersion());
    }

    String studentDigest(String schoolCode, String student) {
        return index.digest(IdentifierKind.STUDENT_ID.code(), schoolCode + "/" + student.strip());
    }

    private Optional<Latest> latest(String schoolCode, String digest) {
        return jdbc.sql("""
                        select id, state, kinds, decided_at, report_id from school_signal
                        where school_code = ? and student_digest = ? order by raised_at desc, id limit 1""")
                .params(schoolCode, digest)
                .query((rs, n) -> new Latest(
                        rs.getObject("id", UUID.class),
                        rs.getString("state"),
                        new LinkedHashSet<>(List.of(rs.getString("kinds").split(","))),
                        SqlTime.read(rs, "decided_at"),
                        rs.getObject("report_id", UUID.class)))
                .optional();
    }

    private static Set<String> kinds(FlaggedStudent student) {
        Set<String> kinds = new java.util.TreeSet<>();
        student.signals().forEach(s -> kinds.add(s.kind()));
        return kinds;
    }

    /** For notices: no personal data. */
    private static String summary(FlaggedStudent student) {
        return summary(student.score(), kinds(student));
    }

    /** The notice's text from a signal's score and kinds (sorted): shared with stored signals' matching. */
    static String summary(double score, Set<String> kinds) {
        return "School early warning: new evidence about the student recorded on this case (score "
                + Math.round(score * 100) / 100.0 + "; " + String.join(", ", new java.util.TreeSet<>(kinds))
                + "). Review it on the case.";
    }

    private static Map<String, Object> caseEvidence(
            Organisation school, FlaggedStudent student, String configVersion, LocalDate asOf) {
        return caseEvidence(school.code(), asOf, Json.map(SchoolSignalJson.tree(student, configVersion)));
    }

    /**
     * The evidence a case gets: the school, the scan's date and the signal's evidence ({@code
     * SchoolSignalJson}, as stored in {@code evidence_sealed}).
     */
    static Map<String, Object> caseEvidence(String schoolCode, LocalDate asOf, Map<String, Object> signal) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("school", schoolCode);
        out.put("asOf", asOf.toString());
        out.putAll(signal);
        return out;
    }

    /** The evidence summaries of a flagged student, one signal a line (for a case's narrative). */
    static List<String> summaries(String evidenceJson) {
        List<String> out = new ArrayList<>();
        for (tools.jackson.databind.JsonNode signal : Json.tree(evidenceJson).get("signals")) {
            out.add(signal.get("kind").asString() + ": "
                    + signal.get("evidence").get("summary").asString());
        }
        return out;
    }
}
