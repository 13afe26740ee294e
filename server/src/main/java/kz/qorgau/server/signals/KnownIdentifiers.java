package kz.qorgau.server.signals;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.server.audit.Actor;
import kz.qorgau.server.audit.AuditTrail;
import kz.qorgau.server.casework.Caseload;
import kz.qorgau.server.directory.Directory;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.platform.FieldCipher;
import kz.qorgau.server.platform.InvalidInputException;
import kz.qorgau.server.platform.NotFoundException;
import kz.qorgau.server.platform.RuleViolationException;
import kz.qorgau.server.platform.SqlTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identifiers case workers record on cases — the child's phones, handles, nicknames, bank
 * accounts and school student ids — sealed, with a keyed hash of the normalised value for exact
 * lookup. Signals are matched against the identifiers of open cases only. Recording and reading are
 * recorded in the ledger; a case the member may not see is a 404.
 */
@Service
class KnownIdentifiers {

    static final String TABLE = "case_identifier";
    static final String COLUMN = "value_sealed";

    /**
     * Cases that are not closed. Casework has no public query for this yet; it is read from its table
     * (see the report to the lead: {@code Caseload.openAmong}).
     */
    private static final String OPEN_CASE =
            "exists (select 1 from safeguarding_case c where c.id = i.case_id" + " and c.status <> 'CLOSED')";

    private final JdbcClient jdbc;
    private final Caseload caseload;
    private final Directory directory;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final AuditTrail audit;
    private final SignalSettings settings;
    private final EarlierSignals earlier;
    private final Clock clock;

    KnownIdentifiers(
            JdbcClient jdbc,
            Caseload caseload,
            Directory directory,
            FieldCipher cipher,
            BlindIndex index,
            AuditTrail audit,
            SignalSettings settings,
            EarlierSignals earlier,
            Clock clock) {
        this.jdbc = jdbc;
        this.caseload = caseload;
        this.directory = directory;
        this.cipher = cipher;
        this.index = index;
        this.audit = audit;
        this.settings = settings;
        this.earlier = earlier;
        this.clock = clock;
    }

    /**
     * One recorded identifier.
     *
     * @param kind {@link IdentifierKind#code()}
     * @param value the normalised value ({@code +77771234567}, {@code @name}, {@code KZ…})
     * @param recordedBy the organisation of who recorded it
     */
    record View(UUID id, String kind, String value, Instant recordedAt, String recordedBy) {}

    /**
     * What recording came to: the identifier, whether it was new (or already on the case), and how many
     * signals stored before it was recorded matched it and were put on the case now.
     */
    record Recorded(View identifier, boolean created, int matchedStored) {}

    /**
     * Records an identifier on a case the member may see; recording the same value again changes nothing.
     * A new identifier of an open case is also matched, in the same transaction, against the signals
     * already stored ({@link EarlierSignals}: at most {@value EarlierSignals#MAX_STORED_SUBJECTS} per
     * identifier, the newest first), each match going on the case's timeline once.
     */
    @Transactional
    Recorded record(StaffMember member, UUID caseId, @Nullable String kindCode, @Nullable String raw) {
        requireVisible(member, caseId);
        List<kz.qorgau.server.platform.FieldViolation> violations = new ArrayList<>();
        IdentifierKind kind = null;
        if (kindCode == null || kindCode.isBlank()) {
            violations.add(new kz.qorgau.server.platform.FieldViolation("kind", "required", "is required"));
        } else {
            kind = IdentifierKind.fromCode(kindCode).orElse(null);
            if (kind == null) {
                violations.add(new kz.qorgau.server.platform.FieldViolation(
                        "kind", "unknown", "must be one of phone, handle, nickname, bank-account, student-id"));
            }
        }
        if (raw == null || raw.isBlank()) {
            violations.add(new kz.qorgau.server.platform.FieldViolation("value", "required", "is required"));
        } else if (raw.length() > IdentifierKind.MAX_RAW_LENGTH) {
            violations.add(new kz.qorgau.server.platform.FieldViolation(
                    "value", "too-long", "must be at most " + IdentifierKind.MAX_RAW_LENGTH + " characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        IdentifierKind known = kind;
        String value = (known == IdentifierKind.STUDENT_ID ? studentId(member, raw) : known.normalise(raw))
                .orElseThrow(() -> new InvalidInputException("value", "invalid", known.hint()));
        String digest = index.digest(known.code(), value);
        Optional<View> existing = jdbc.sql(
                        "select * from case_identifier where case_id = ? and kind = ? and digest = ?")
                .params(caseId, known.code(), digest)
                .query((rs, n) -> view(rs))
                .optional();
        if (existing.isPresent()) {
            return new Recorded(existing.get(), false, 0);
        }
        long count = jdbc.sql("select count(*) from case_identifier where case_id = ?")
                .param(caseId)
                .query(Long.class)
                .single();
        if (count >= settings.maxIdentifiersPerCase()) {
            throw new RuleViolationException(
                    "identifier-limit",
                    "a case may carry at most " + settings.maxIdentifiersPerCase() + " identifiers"
                            + " (qorgau.signals.max-identifiers-per-case)");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into case_identifier (id, case_id, kind, digest, value_sealed, recorded_at,
                                                     recorded_by_organisation, recorded_by_role)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        caseId,
                        known.code(),
                        digest,
                        cipher.seal(value, TABLE, COLUMN, id),
                        SqlTime.bind(now),
                        member.organisationCode(),
                        member.role().code())
                .update();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("identifier", id.toString());
        content.put("kind", known.code());
        content.put("value", value);
        audit.record("case-identifier.recorded", caseId, actor(member), content);
        // After the ledger entry, so that the matches it causes follow the recording in the ledger.
        int matchedStored = isOpen(caseId) ? earlier.match(caseId, known, value, digest) : 0;
        return new Recorded(new View(id, known.code(), value, now, member.organisationCode()), true, matchedStored);
    }

    /** The identifiers recorded on a case the member may see, oldest first. The read is recorded. */
    @Transactional
    List<View> of(StaffMember member, UUID caseId) {
        requireVisible(member, caseId);
        List<View> views = jdbc.sql("select * from case_identifier where case_id = ? order by recorded_at, id")
                .param(caseId)
                .query((rs, n) -> view(rs))
                .list();
        audit.record(
                "case-identifiers.read",
                caseId,
                actor(member),
                Map.of("identifiers", views.stream().map(v -> v.id().toString()).toList()));
        return views;
    }

    private void requireVisible(StaffMember member, UUID caseId) {
        if (!caseload.maySee(member, caseId)) {
            throw new NotFoundException("no case " + caseId + " that you may see");
        }
    }

    /**
     * A student id as {@code SCHOOL-CODE/STUDENT-ID}: school staff may give the bare id (their school
     * is meant), others must name a known school.
     */
    private Optional<String> studentId(StaffMember member, String raw) {
        String value = raw.strip();
        int slash = value.indexOf('/');
        if (slash > 0) {
            String school = value.substring(0, slash).strip();
            String student = value.substring(slash + 1).strip();
            boolean known = directory
                    .organisation(school)
                    .filter(o -> o.kind() == OrganisationKind.SCHOOL)
                    .isPresent();
            return known && !student.isEmpty() && student.length() <= 64
                    ? Optional.of(school + "/" + student)
                    : Optional.empty();
        }
        if (member.organisationKind() == OrganisationKind.SCHOOL && value.length() <= 64) {
            return Optional.of(member.organisationCode() + "/" + value);
        }
        return Optional.empty();
    }

    private View view(java.sql.ResultSet rs) throws java.sql.SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new View(
                id,
                rs.getString("kind"),
                cipher.open(rs.getBytes(COLUMN), TABLE, COLUMN, id),
                SqlTime.require(rs, "recorded_at"),
                rs.getString("recorded_by_organisation"));
    }

    // ---- matching

    /**
     * The open cases holding an identifier of this kind with one of these digests, as digest → case ids.
     * O(digests) index lookups, in chunks.
     */
    @Transactional(readOnly = true)
    Map<String, List<UUID>> openCasesWith(IdentifierKind kind, Collection<String> digests) {
        Map<String, List<UUID>> out = new LinkedHashMap<>();
        List<String> all = List.copyOf(new java.util.LinkedHashSet<>(digests));
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            List<Object> params = new ArrayList<>();
            params.add(kind.code());
            params.addAll(chunk);
            jdbc.sql("select i.digest, i.case_id from case_identifier i where i.kind = ? and i.digest in (" + marks
                            + ") and " + OPEN_CASE)
                    .params(params)
                    .query(rs -> {
                        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(rs.getObject(2, UUID.class));
                    });
        }
        return out;
    }

    /** The values of one kind recorded on the given cases (open or not), as case → values. */
    @Transactional(readOnly = true)
    Map<UUID, List<String>> values(IdentifierKind kind, Collection<UUID> caseIds) {
        Map<UUID, List<String>> out = new LinkedHashMap<>();
        List<UUID> all = List.copyOf(new java.util.LinkedHashSet<>(caseIds));
        for (int from = 0; from < all.size(); from += 500) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            List<Object> params = new ArrayList<>();
            params.add(kind.code());
            params.addAll(chunk);
            jdbc.sql("select id, case_id, value_sealed from case_identifier where kind = ? and case_id in (" + marks
                            + ")")
                    .params(params)
                    .query(rs -> {
                        UUID id = rs.getObject(1, UUID.class);
                        out.computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>())
                                .add(cipher.open(rs.getBytes(3), TABLE, COLUMN, id));
                    });
        }
        return out;
    }

    /**
     * Every value of one kind recorded on open cases, as case → values: for nicknames, which are found
     * among an ad's words and so cannot be looked up by hash. O(nicknames) decryptions per call.
     */
    @Transactional(readOnly = true)
    Map<UUID, List<String>> allOfOpenCases(IdentifierKind kind) {
        Map<UUID, List<String>> out = new LinkedHashMap<>();
        jdbc.sql("select i.id, i.case_id, i.value_sealed from case_identifier i where i.kind = ? and " + OPEN_CASE)
                .param(kind.code())
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    out.computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>())
                            .add(cipher.open(rs.getBytes(3), TABLE, COLUMN, id));
                });
        return out;
    }

    /** Whether the case is not closed. */
    @Transactional(readOnly = true)
    boolean isOpen(UUID caseId) {
        return jdbc.sql("select count(*) from safeguarding_case where id = ? and status <> 'CLOSED'")
                        .param(caseId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    static Actor actor(StaffMember member) {
        return new Actor(member.organisationCode(), member.role().code());
    }
}
