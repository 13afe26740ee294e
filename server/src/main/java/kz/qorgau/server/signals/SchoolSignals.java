package kz.qorgau.server.signals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.server.audit.Actor;
import kz.qorgau.server.audit.AuditTrail;
import kz.qorgau.server.directory.Directory;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.intake.Category;
import kz.qorgau.server.intake.Channel;
import kz.qorgau.server.intake.Filing;
import kz.qorgau.server.intake.Intake;
import kz.qorgau.server.intake.NewReport;
import kz.qorgau.server.intake.ReporterRelation;
import kz.qorgau.server.platform.FieldCipher;
import kz.qorgau.server.platform.InvalidInputException;
import kz.qorgau.server.platform.NotFoundException;
import kz.qorgau.server.platform.RuleViolationException;
import kz.qorgau.server.platform.SqlTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * School early-warning signals as the school's safeguarding lead works them: the signals of the
 * member's school (oversight sees every school's), and the two decisions — open a case (filed through
 * intake as a signal referred to the school, so it runs on the legal clock) or record why not. An
 * undecided signal past its deadline escalates like a referral: it is filed as a case referred to the
 * school's supervising organisation, exactly once. Every read and decision is recorded in the ledger.
 */
@Service
class SchoolSignals {

    static final String OPEN = "OPEN";
    static final String CASE_OPENED = "CASE_OPENED";
    static final String DISMISSED = "DISMISSED";
    static final String ESCALATED = "ESCALATED";
    static final int MAX_REASON = 4000;
    private static final int MAX_NARRATIVE = 8000;
    private static final int DECIDED_LISTED = 50;

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Intake intake;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;

    SchoolSignals(
            JdbcClient jdbc, Directory directory, Intake intake, FieldCipher cipher, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.intake = intake;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One signal of the evidence: its kind and the sentence a lead reads (English, from the library), with
     * the figures it was written from so that pages can say it in the reader's language.
     */
    record Evidence(
            String kind,
            String summary,
            @com.fasterxml.jackson.annotation.JsonIgnore tools.jackson.databind.@Nullable JsonNode figures) {

        /**
         * The sentence in the reader's language ({@code sig.school.text.*} with the figures), or the
         * English summary when the figures are not those of a known kind.
         */
        public String text(org.springframework.context.MessageSource messages, java.util.Locale locale) {
            Object[] args = figures == null ? null : arguments(kind, figures, locale);
            String key = Set.of(
                                    "absence-rise",
                                    "weekday-pattern",
                                    "first-lesson-pattern",
                                    "long-excused-absence",
                                    "grade-decline")
                            .contains(kind)
                    ? "sig.school.text." + kind
                    : "sig.school.text.observed";
            return args == null ? summary : messages.getMessage(key, args, summary, locale);
        }

        private static Object @Nullable [] arguments(
                String kind, tools.jackson.databind.JsonNode f, java.util.Locale locale) {
            try {
                return switch (kind) {
                    case "absence-rise" ->
                        new Object[] {
                            f.get("absentDaysBefore").asInt(),
                            f.get("daysBefore").asInt(),
                            percent(f.get("rateBefore")),
                            f.get("firstDay").asString(),
                            f.get("changeDate").asString(),
                            f.get("absentDaysAfter").asInt(),
                            f.get("daysAfter").asInt(),
                            percent(f.get("rateAfter")),
                            f.has("endDate")
                                    ? f.get("endDate").asString()
                                    : f.get("lastDay").asString(),
                            f.get("unexcusedLessonsAfter").asInt(),
                            percent(f.get("classRateAfter"))
                        };
                    case "weekday-pattern" -> {
                        int days = f.get("days").asInt();
                        int absent = f.get("absentDays").asInt();
                        yield new Object[] {
                            absent,
                            days,
                            java.time.DayOfWeek.valueOf(f.get("weekday").asString())
                                    .getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, locale),
                            days == 0 ? 0 : Math.round(100.0 * absent / days),
                            percent(f.get("expectedRate")),
                            dates(f.get("dates"))
                        };
                    }
                    case "first-lesson-pattern" ->
                        new Object[] {
                            f.get("missedFirstLessons").asInt(),
                            f.get("partlyAttendedDays").asInt(),
                            Math.round(f.get("expected").asDouble() * 10) / 10.0,
                            dates(f.get("dates"))
                        };
                    case "long-excused-absence" ->
                        new Object[] {
                            f.get("schoolDays").asInt(),
                            f.get("from").asString(),
                            f.get("to").asString()
                        };
                    case "grade-decline" -> {
                        List<String> subjects = new ArrayList<>();
                        for (tools.jackson.databind.JsonNode s : f.get("falling")) {
                            subjects.add(s.get("subject").asString() + " " + percent(s.get("meanBefore")) + "% → "
                                    + percent(s.get("meanAfter")) + "%");
                        }
                        yield new Object[] {
                            f.get("changeDate").asString(),
                            subjects.size(),
                            f.get("subjectsWithMarks").asInt(),
                            f.get("marksBefore").asInt(),
                            f.get("marksAfter").asInt(),
                            String.join(", ", subjects)
                        };
                    }
                    default -> {
                        List<String> items = new ArrayList<>();
                        for (tools.jackson.databind.JsonNode o : f.get("observations")) {
                            String note = o.has("note") ? o.get("note").asString() : "";
                            items.add(
                                    note.isBlank()
                                            ? o.get("date").asString()
                                            : o.get("date").asString() + " (“" + note + "”)");
                        }
                        yield new Object[] {items.size(), String.join(", ", items)};
                    }
                };
            } catch (RuntimeException unexpectedShape) {
                // Evidence stored by another version of the library: the English sentence is shown.
                return null;
            }
        }

        private static long percent(tools.jackson.databind.JsonNode share) {
            return Math.round(share.asDouble() * 100);
        }

        private static String dates(tools.jackson.databind.JsonNode dates) {
            List<String> out = new ArrayList<>();
            dates.forEach(d -> out.add(d.asString()));
            return String.join(", ", out);
        }
    }

    /**
     * A signal as the lead sees it.
     *
     * @param state {@code open}, {@code case-opened}, {@code dismissed} or {@code escalated}
     * @param decideBy when it escalates unless the lead decides
     * @param escalatedTo the organisation the escalated case was referred to
     */
    record View(
            UUID id,
            String school,
            String student,
            String schoolClass,
            double score,
            List<Evidence> evidence,
            LocalDate asOf,
            Instant raisedAt,
            Instant updatedAt,
            Instant decideBy,
            boolean overdue,
            String state,
            @Nullable Instant decidedAt,
            @Nullable String decidedBy,
            @Nullable String reason,
            @Nullable String reportReference,
            @Nullable String escalatedTo,
            String configVersion,
            boolean mayDecide) {}

    // ---- who

    /** Whether the member sees the school's signals: its own staff and oversight. */
    static boolean sees(StaffMember member, String schoolCode) {
        return member.role() == Role.OVERSIGHT
                || member.role() != Role.ADMINISTRATOR
                        && member.organisationCode().equals(schoolCode);
    }

    /** Whether the member may decide about the school's signals: its case workers and supervisors. */
    static boolean decides(StaffMember member, String schoolCode) {
        return member.organisationCode().equals(schoolCode)
                && (member.role() == Role.CASE_WORKER || member.role() == Role.SUPERVISOR);
    }

    /**
     * The school an upload is for: the caller's own school, or — for its supervising organisation (a
     * district education department feeding its schools' records) — the school named.
     */
    @Transactional(readOnly = true)
    Organisation schoolFor(StaffMember caller, @Nullable String named) {
        if (caller.role() == Role.ADMINISTRATOR) {
            throw SignalProblems.forbidden("administrators do not upload school records");
        }
        if (named == null || named.isBlank()) {
            if (caller.organisationKind() != OrganisationKind.SCHOOL) {
                throw SignalProblems.forbidden("only staff of a school upload its records; a supervising organisation"
                        + " names the school with the parameter 'school'");
            }
            return directory
                    .organisation(caller.organisationCode())
                    .orElseThrow(() -> new NotFoundException("no organisation " + caller.organisationCode()));
        }
        Organisation school = directory
                .organisation(named.strip())
                .filter(o -> o.kind() == OrganisationKind.SCHOOL)
                .orElseThrow(() -> new InvalidInputException("school", "unknown", "is not the code of a known school"));
        if (!school.code().equals(caller.organisationCode())
                && !caller.organisationCode().equals(school.parentCode())) {
            throw SignalProblems.forbidden(
                    "only the school's staff or its supervising organisation upload its records");
        }
        return school;
    }

    // ---- reading

    /** The member's signals: every open one, then the most recently decided. The read is recorded. */
    @Transactional
    List<View> visible(StaffMember member) {
        boolean all = member.role() == Role.OVERSIGHT;
        if (!all && member.role() == Role.ADMINISTRATOR) {
            return List.of();
        }
        String where = all ? "1 = 1" : "school_code = ?";
        List<Object> params = all ? List.of() : List.of(member.organisationCode());
        List<View> out = new ArrayList<>();
        Instant now = clock.instant();
        out.addAll(jdbc.sql("select * from school_signal where " + where
                        + " and state = 'OPEN' order by decide_by, raised_at limit 500")
                .params(params)
                .query((rs, n) -> view(rs, member, now))
                .list());
        out.addAll(jdbc.sql("select * from school_signal where " + where
                        + " and state <> 'OPEN' order by coalesce(decided_at, updated_at) desc limit "
                        + DECIDED_LISTED)
                .params(params)
                .query((rs, n) -> view(rs, member, now))
                .list());
        if (!out.isEmpty()) {
            audit.record(
                    "school-signals.read",
                    null,
                    KnownIdentifiers.actor(member),
                    Map.of("signals", out.stream().map(v -> v.id().toString()).toList()));
        }
        return out;
    }

    private View view(java.sql.ResultSet rs, StaffMember member, Instant now) throws java.sql.SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String evidence = cipher.open(rs.getBytes("evidence_sealed"), SchoolIngestion.TABLE, "evidence_sealed", id);
        tools.jackson.databind.JsonNode tree = Json.tree(evidence == null ? "{}" : evidence);
        List<Evidence> items = new ArrayList<>();
        if (tree.has("signals")) {
            for (tools.jackson.databind.JsonNode signal : tree.get("signals")) {
                items.add(new Evidence(
                        signal.get("kind").asString(),
                        signal.get("evidence").get("summary").asString(),
                        signal.get("evidence")));
            }
        }
        String state = rs.getString("state");
        String school = rs.getString("school_code");
        Instant decideBy = SqlTime.require(rs, "decide_by");
        String decidedBy = rs.getString("decided_by_organisation");
        return new View(
                id,
                school,
                cipher.open(rs.getBytes("student_sealed"), SchoolIngestion.TABLE, "student_sealed", id),
                tree.has("class") ? tree.get("class").asString() : "",
                rs.getDouble("score"),
                items,
                rs.getObject("as_of", LocalDate.class),
                SqlTime.require(rs, "raised_at"),
                SqlTime.require(rs, "updated_at"),
                decideBy,
                state.equals(OPEN) && !decideBy.isAfter(now),
                code(state),
                SqlTime.read(rs, "decided_at"),
                decidedBy == null ? null : decidedBy + " (" + rs.getString("decided_by_role") + ")",
                cipher.open(rs.getBytes("reason_sealed"), SchoolIngestion.TABLE, "reason_sealed", id),
                rs.getString("report_reference"),
                rs.getString("escalated_to"),
                rs.getString("config_version"),
                state.equals(OPEN) && decides(member, school));
    }

    static String code(String state) {
        return state.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    // ---- deciding

    private record Row(UUID id, String school, String state, String student, String evidence, Instant decideBy) {}

    private Row lock(UUID id) {
        return jdbc.sql("select * from school_signal where id = ? for update")
                .param(id)
                .query((rs, n) -> new Row(
                        id,
                        rs.getString("school_code"),
                        rs.getString("state"),
                        cipher.open(rs.getBytes("student_sealed"), SchoolIngestion.TABLE, "student_sealed", id),
                        cipher.open(rs.getBytes("evidence_sealed"), SchoolIngestion.TABLE, "evidence_sealed", id),
                        SqlTime.require(rs, "decide_by")))
                .optional()
                .orElseThrow(() -> new NotFoundException("no school signal " + id));
    }

    private Row decidable(StaffMember member, UUID id) {
        Row row = lock(id);
        if (!sees(member, row.school())) {
            throw new NotFoundException("no school signal " + id + " that you may see");
        }
        if (!decides(member, row.school())) {
            throw SignalProblems.forbidden("only the school's case workers and supervisors decide about its signals");
        }
        if (!row.state().equals(OPEN)) {
            throw new RuleViolationException(
                    "school-signal-decided", "the signal was already decided (" + code(row.state()) + ")");
        }
        return row;
    }

    /** The lead opens a case: filed through intake as a signal, referred to the school. */
    @Transactional
    Filing openCase(StaffMember member, UUID id) {
        Row row = decidable(member, id);
        Organisation school = school(row.school());
        Filing filing = intake.file(
                report(row, school, List.of(school.code()), ReporterRelation.TEACHER_OR_SCHOOL_STAFF, null),
                "school-signal:" + id);
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                        update school_signal set state = 'CASE_OPENED', decided_at = ?, decided_by_organisation = ?,
                               decided_by_role = ?, report_id = ?, report_reference = ?, updated_at = ?
                        where id = ? and state = 'OPEN'""")
                .params(
                        SqlTime.bind(now),
                        member.organisationCode(),
                        member.role().code(),
                        filing.reportId(),
                        filing.reference(),
                        SqlTime.bind(now),
                        id)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("school signal " + id + " changed under its lock");
        }
        audit.record(
                "school-signal.case-opened",
                null,
                KnownIdentifiers.actor(member),
                Map.of("signal", id.toString(), "report", filing.reportId().toString()));
        return filing;
    }

    /** The lead records why no case is opened. */
    @Transactional
    void dismiss(StaffMember member, UUID id, @Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "required", "say why no case is opened");
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "too-long", "must be at most " + MAX_REASON + " characters");
        }
        decidable(member, id);
        Instant now = clock.instant();
        String text = reason.strip();
        jdbc.sql("""
                        update school_signal set state = 'DISMISSED', decided_at = ?, decided_by_organisation = ?,
                               decided_by_role = ?, reason_sealed = ?, updated_at = ?
                        where id = ? and state = 'OPEN'""")
                .params(
                        SqlTime.bind(now),
                        member.organisationCode(),
                        member.role().code(),
                        cipher.seal(text, SchoolIngestion.TABLE, "reason_sealed", id),
                        SqlTime.bind(now),
                        id)
                .update();
        audit.record(
                "school-signal.dismissed",
                null,
                KnownIdentifiers.actor(member),
                Map.of("signal", id.toString(), "reason", text));
    }

    // ---- escalating

    /** The open signals past their deadline, oldest deadline first. */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    List<UUID> due(int limit) {
        return jdbc.sql(
                        "select id from school_signal where state = 'OPEN' and decide_by <= ? order by decide_by limit ?")
                .params(SqlTime.bind(clock.instant()), limit)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .list();
    }

    /**
     * Escalates one signal if it is still open and due: files it as a case referred to the school's
     * supervising organisation (or, if the school has none, to the school, whose referral then climbs
     * the ladder by itself) and marks it escalated, in one transaction of its own.
     *
     * @return whether it escalated now
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean escalate(UUID id) {
        Row row = lock(id);
        Instant now = clock.instant();
        if (!row.state().equals(OPEN) || row.decideBy().isAfter(now)) {
            return false; // decided meanwhile, escalated by another instance, or not due
        }
        Organisation school = school(row.school());
        String parent = school.parentCode();
        Filing filing = intake.file(
                report(
                        row,
                        school,
                        parent == null ? List.of(school.code()) : List.of(parent),
                        ReporterRelation.PROFESSIONAL,
                        row.decideBy()),
                "school-signal-escalation:" + id);
        int updated = jdbc.sql("""
                        update school_signal set state = 'ESCALATED', escalated_to = ?, report_id = ?,
                               report_reference = ?, updated_at = ?
                        where id = ? and state = 'OPEN'""")
                .params(parent, filing.reportId(), filing.reference(), SqlTime.bind(now), id)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("school signal " + id + " changed under its lock");
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("signal", id.toString());
        content.put("school", school.code());
        content.put("to", parent);
        content.put("report", filing.reportId().toString());
        content.put("missedDeadline", row.decideBy().toString());
        audit.record("school-signal.escalated", null, Actor.system(), content);
        return true;
    }

    private Organisation school(String code) {
        return directory
                .organisation(code)
                .orElseThrow(
                        () -> new IllegalStateException("the school " + code + " of a signal is not in the directory"));
    }

    private static NewReport report(
            Row row,
            Organisation school,
            List<String> referTo,
            ReporterRelation relation,
            @Nullable Instant missedDeadline) {
        tools.jackson.databind.JsonNode evidence = Json.tree(row.evidence());
        StringBuilder narrative = new StringBuilder();
        narrative
                .append("School early-warning signal from the records of ")
                .append(school.nameEn())
                .append(" (")
                .append(school.code())
                .append("), configuration ")
                .append(
                        evidence.has("configVersion")
                                ? evidence.get("configVersion").asString()
                                : "?")
                .append(".\nStudent (the school's identifier): ")
                .append(row.student())
                .append(
                        evidence.has("class")
                                ? ", class " + evidence.get("class").asString()
                                : "")
                .append(", score ")
                .append(evidence.has("score") ? evidence.get("score").asString() : "?")
                .append(".\n");
        if (missedDeadline != null) {
            narrative
                    .append("Escalated: the school's safeguarding lead neither opened a case nor recorded a reason by ")
                    .append(missedDeadline)
                    .append(".\n");
        }
        for (String line : SchoolIngestion.summaries(row.evidence())) {
            narrative.append("- ").append(line).append('\n');
        }
        String text = narrative.length() > MAX_NARRATIVE
                ? narrative.substring(0, MAX_NARRATIVE - 1) + "…"
                : narrative.toString();
        return NewReport.about(
                        null,
                        school.nameRu(),
                        school.city(),
                        Set.of(Category.OTHER),
                        text,
                        null,
                        relation,
                        Locale.ENGLISH,
                        Channel.SIGNAL)
                .referringTo(referTo);
    }
}
