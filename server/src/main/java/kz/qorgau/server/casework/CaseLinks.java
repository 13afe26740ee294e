package kz.qorgau.server.casework;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kz.qorgau.core.casework.Case;
import kz.qorgau.core.casework.Child;
import kz.qorgau.server.audit.AuditTrail;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.intake.ReportView;
import kz.qorgau.server.intake.Reports;
import kz.qorgau.server.platform.DataDirectory;
import kz.qorgau.server.platform.NotFoundException;
import kz.qorgau.server.platform.RuleViolationException;
import kz.qorgau.server.platform.SqlTime;
import kz.qorgau.signals.identifiers.PhoneNumbers;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports about the same child made to different bodies: when a case opens, its child's features —
 * name words (script-independent, see {@link NameKey}) and their {@linkplain NameKey#skeleton
 * skeletons} (for spellings that differ a little), the date of birth, the school, the reporter's phone
 * — go into a blind index of keyed hashes; cases sharing a name word, a skeleton, a date of birth or a
 * phone are scored and, at {@value #PROPOSE_AT} or more, proposed as one for a person to confirm or
 * reject. A confirmed link joins the histories: the case shows "reported N times to M bodies since
 * DATE" over all linked cases, while each keeps its own referrals and clocks (ADR 0003).
 *
 * <p>The score (reasons in brackets), capped to 0–100:
 *
 * <ul>
 *   <li>the name, one of: every word the same +50 ({@code same-name}); some word the same +30 ({@code
 *       same-first-or-last-name}), and +10 more when another word is only similar ({@code
 *       similar-name}); no word the same but one similar +25 ({@code similar-name});
 *   <li>the same date of birth +40 ({@code same-birth-date}); the same reporter's phone +40 ({@code
 *       same-reporter-phone});
 *   <li>the same school +25 ({@code same-school}); ages at most a year apart +10 ({@code same-age}),
 *       more than two years apart −40 ({@code different-age}); the same city +5 ({@code same-city}).
 * </ul>
 *
 * <p>Nothing is proposed without an identifying match: a name word the same, the reporter's phone, or
 * a similar name together with the same date of birth — a similar name with only school, age and city
 * is too common to propose. Two different dates of birth, when both reports give one, are two
 * different children: nothing is proposed, whatever else matches. So a name word with the date of
 * birth (70), a full name with the school (75) or a similar name with the date of birth (65) is
 * proposed; a name word with school and age (65) is, as before the date of birth was asked.
 */
@Service
public class CaseLinks {

    static final int PROPOSE_AT = 60;
    private static final String KEY_FILE = "feature-index.key";

    private final JdbcClient jdbc;
    private final CaseStore store;
    private final Reports reports;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecretKeySpec key;

    CaseLinks(JdbcClient jdbc, CaseStore store, Reports reports, AuditTrail audit, DataDirectory data, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.reports = reports;
        this.audit = audit;
        this.clock = clock;
        this.key = new SecretKeySpec(data.secret(KEY_FILE, 32), "HmacSHA256");
    }

    /** A proposed, confirmed or rejected link, as one of its cases sees it. */
    public record Link(UUID id, UUID otherCase, String otherReference, String state, int score, List<String> reasons) {}

    /** The facts a reader of one case sees about all the cases confirmed as the same child. */
    public record Group(int reports, int organisations, Instant since, int cases) {}

    /** One word of the child's name: the digest of its key and of its skeleton (null if too short). */
    private record NameWord(String name, @Nullable String skeleton) {}

    private record Features(
            List<NameWord> words,
            @Nullable String fullName,
            @Nullable String birthDate,
            @Nullable String school,
            Set<String> phones) {

        Set<String> names() {
            Set<String> names = new LinkedHashSet<>();
            words.forEach(word -> names.add(word.name()));
            return names;
        }

        Set<String> skeletons() {
            Set<String> skeletons = new LinkedHashSet<>();
            words.stream().map(NameWord::skeleton).filter(Objects::nonNull).forEach(skeletons::add);
            return skeletons;
        }
    }

    /** A case's features were indexed; proposing links runs after that committed (see {@link #propose}). */
    public record CaseIndexed(UUID caseId) {}

    /** Indexes a newly opened case, inside its opening transaction. */
    void index(Case value, ReportView report) {
        store(value.id().value(), features(value.child(), report));
    }

    /**
     * Proposes links from an indexed case to cases that look like the same child. Runs after the
     * opening committed, so of two cases opened at the same moment at least one sees the other.
     */
    @Transactional
    public void propose(UUID caseId) {
        CaseStore.StoredCase stored = store.find(caseId).orElse(null);
        if (stored == null) {
            return;
        }
        List<ReportView> mine = reports.ofCase(caseId);
        Features features = features(stored.value().child(), mine.isEmpty() ? null : mine.getFirst());
        Set<UUID> candidates = new LinkedHashSet<>();
        for (String name : features.names()) {
            candidates.addAll(casesWith("name", name, caseId));
        }
        for (String skeleton : features.skeletons()) {
            candidates.addAll(casesWith("name-skeleton", skeleton, caseId));
        }
        if (features.birthDate() != null) {
            candidates.addAll(casesWith("birth", features.birthDate(), caseId));
        }
        for (String phone : features.phones()) {
            candidates.addAll(casesWith("phone", phone, caseId));
        }
        for (UUID other : candidates) {
            CaseStore.StoredCase candidate = store.find(other).orElse(null);
            if (candidate == null) {
                continue;
            }
            List<ReportView> otherReports = reports.ofCase(other);
            Features theirs =
                    features(candidate.value().child(), otherReports.isEmpty() ? null : otherReports.getFirst());
            List<String> reasons = new ArrayList<>();
            int score = score(
                    features, stored.value().child(), theirs, candidate.value().child(), reasons);
            if (score >= PROPOSE_AT) {
                propose(caseId, other, score, reasons);
            }
        }
    }

    static int score(Features mine, Child myChild, Features theirs, Child theirChild, List<String> reasons) {
        if (mine.birthDate() != null
                && theirs.birthDate() != null
                && !mine.birthDate().equals(theirs.birthDate())) {
            reasons.add("different-birth-date");
            return 0;
        }
        int score = 0;
        boolean named = false;
        boolean similar = similarWord(mine, theirs);
        if (mine.fullName() != null && mine.fullName().equals(theirs.fullName())) {
            score += 50;
            reasons.add("same-name");
            named = true;
        } else if (mine.names().stream().anyMatch(theirs.names()::contains)) {
            score += 30;
            reasons.add("same-first-or-last-name");
            named = true;
            if (similar) {
                score += 10;
                reasons.add("similar-name");
            }
        } else if (similar) {
            score += 25;
            reasons.add("similar-name");
        }
        boolean born = mine.birthDate() != null && mine.birthDate().equals(theirs.birthDate());
        if (born) {
            score += 40;
            reasons.add("same-birth-date");
        }
        boolean phone = mine.phones().stream().anyMatch(theirs.phones()::contains);
        if (phone) {
            score += 40;
            reasons.add("same-reporter-phone");
        }
        if (!named && !phone && !(similar && born)) {
            return 0;
        }
        if (mine.school() != null && mine.school().equals(theirs.school())) {
            score += 25;
            reasons.add("same-school");
        }
        if (myChild.age() != null && theirChild.age() != null) {
            int gap = Math.abs(myChild.age() - theirChild.age());
            if (gap <= 1) {
                score += 10;
                reasons.add("same-age");
            } else if (gap > 2) {
                score -= 40;
                reasons.add("different-age");
            }
        }
        if (myChild.city() != null
                && theirChild.city() != null
                && NameKey.of(myChild.city()).equals(NameKey.of(theirChild.city()))) {
            score += 5;
            reasons.add("same-city");
        }
        return Math.max(0, Math.min(100, score));
    }

    /**
     * Some word of one name, not the same as any word of the other, has the skeleton of a word of the
     * other that is not the same as any of the first: Dana Serikova and Dina Serikova, not Dana Serikova
     * and Dana Serikova.
     */
    private static boolean similarWord(Features mine, Features theirs) {
        Set<String> myNames = mine.names();
        Set<String> theirNames = theirs.names();
        Set<String> theirOtherSkeletons = new LinkedHashSet<>();
        for (NameWord word : theirs.words()) {
            if (word.skeleton() != null && !myNames.contains(word.name())) {
                theirOtherSkeletons.add(word.skeleton());
            }
        }
        return mine.words().stream()
                .anyMatch(word -> word.skeleton() != null
                        && !theirNames.contains(word.name())
                        && theirOtherSkeletons.contains(word.skeleton()));
    }

    private Features features(Child child, @Nullable ReportView report) {
        List<NameWord> words = new ArrayList<>();
        String fullName = null;
        if (child.name() != null && !child.name().isBlank()) {
            String key = NameKey.of(child.name());
            Set<String> seen = new LinkedHashSet<>();
            for (String word : key.split(" ")) {
                if (word.length() >= 2 && seen.add(word)) {
                    String skeleton = NameKey.skeleton(word);
                    words.add(new NameWord(
                            digest("name", word), skeleton.isEmpty() ? null : digest("name-skeleton", skeleton)));
                }
            }
            fullName = key.isBlank() ? null : digest("full-name", key);
        }
        String birthDate = report == null || report.childBirthDate() == null
                ? null
                : digest("birth", report.childBirthDate().toString());
        String school = null;
        if (report != null && report.schoolCode() != null) {
            school = digest("school", report.schoolCode());
        } else if (child.school() != null && !child.school().isBlank()) {
            school = digest("school", NameKey.of(child.school() + " " + (child.city() == null ? "" : child.city())));
        }
        Set<String> phones = new LinkedHashSet<>();
        if (report != null && report.contact() != null) {
            PhoneNumbers.toE164(report.contact()).ifPresent(e164 -> phones.add(digest("phone", e164)));
        }
        return new Features(List.copyOf(words), fullName, birthDate, school, phones);
    }

    private void store(UUID caseId, Features features) {
        for (String name : features.names()) {
            insertFeature(caseId, "name", name);
        }
        for (String skeleton : features.skeletons()) {
            insertFeature(caseId, "name-skeleton", skeleton);
        }
        if (features.birthDate() != null) {
            insertFeature(caseId, "birth", features.birthDate());
        }
        for (String phone : features.phones()) {
            insertFeature(caseId, "phone", phone);
        }
        if (features.school() != null) {
            insertFeature(caseId, "school", features.school());
        }
    }

    private void insertFeature(UUID caseId, String kind, String digest) {
        if (jdbc.sql("select count(*) from case_feature where case_id = ? and kind = ? and digest = ?")
                        .params(caseId, kind, digest)
                        .query(Long.class)
                        .single()
                == 0) {
            jdbc.sql("insert into case_feature (case_id, kind, digest) values (?, ?, ?)")
                    .params(caseId, kind, digest)
                    .update();
        }
    }

    private List<UUID> casesWith(String kind, String digest, UUID except) {
        return jdbc.sql("select case_id from case_feature where kind = ? and digest = ? and case_id <> ? limit 50")
                .params(kind, digest, except)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .list();
    }

    private void propose(UUID a, UUID b, int score, List<String> reasons) {
        // Serialise proposals for one pair: both cases' rows are locked in id order.
        UUID low = a.compareTo(b) < 0 ? a : b;
        jdbc.sql("select id from safeguarding_case where id in (?, ?) order by id for update")
                .params(low, low.equals(a) ? b : a)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .list();
        UUID first = a.compareTo(b) < 0 ? a : b;
        UUID second = first.equals(a) ? b : a;
        boolean known = jdbc.sql("select count(*) from case_link where case_a = ? and case_b = ?")
                        .params(first, second)
                        .query(Long.class)
                        .single()
                > 0;
        if (known) {
            return;
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into case_link (id, case_a, case_b, state, score, reasons, proposed_at)
                        values (?, ?, ?, 'PROPOSED', ?, ?, ?)""")
                .params(id, first, second, score, String.join(",", reasons), SqlTime.bind(now))
                .update();
        Map<String, Object> detail = Map.of("score", score, "reasons", reasons);
        store.timeline(a, now, "link.proposed", null, null, kz.qorgau.server.audit.Actor.system(), detail);
        store.timeline(b, now, "link.proposed", null, null, kz.qorgau.server.audit.Actor.system(), detail);
        // One entry per proposal, under the first case; the second case's id is in its content.
        audit.record(
                "link.proposed",
                first,
                kz.qorgau.server.audit.Actor.system(),
                Map.of("link", id.toString(), "cases", List.of(first.toString(), second.toString()), "score", score));
    }

    private String digest(String kind, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((kind + ":" + value).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", e);
        }
    }

    // ---- reading and deciding

    /** The links of a case that are not rejected. */
    @Transactional(readOnly = true)
    public List<Link> of(UUID caseId) {
        return jdbc.sql("""
                        select l.*, c.reference from case_link l
                        join safeguarding_case c on c.id = case when l.case_a = ? then l.case_b else l.case_a end
                        where (l.case_a = ? or l.case_b = ?) and l.state <> 'REJECTED'
                        order by l.proposed_at""")
                .params(caseId, caseId, caseId)
                .query((rs, n) -> {
                    UUID a = rs.getObject("case_a", UUID.class);
                    UUID b = rs.getObject("case_b", UUID.class);
                    return new Link(
                            rs.getObject("id", UUID.class),
                            a.equals(caseId) ? b : a,
                            rs.getString("reference"),
                            rs.getString("state").toLowerCase(java.util.Locale.ROOT),
                            rs.getInt("score"),
                            List.of(rs.getString("reasons").split(",")));
                })
                .list();
    }

    /** The cases confirmed as the same child, this one included. */
    @Transactional(readOnly = true)
    public Set<UUID> group(UUID caseId) {
        Set<UUID> group = new LinkedHashSet<>();
        List<UUID> frontier = new ArrayList<>(List.of(caseId));
        while (!frontier.isEmpty() && group.size() < 100) {
            UUID next = frontier.removeFirst();
            if (!group.add(next)) {
                continue;
            }
            jdbc.sql("select case_a, case_b from case_link where state = 'CONFIRMED' and (case_a = ? or case_b = ?)")
                    .params(next, next)
                    .query(rs -> {
                        frontier.add(rs.getObject(1, UUID.class));
                        frontier.add(rs.getObject(2, UUID.class));
                    });
        }
        return group;
    }

    /** "Reported N times to M bodies since DATE" over the confirmed group. */
    @Transactional(readOnly = true)
    public Group groupFacts(UUID caseId) {
        Set<UUID> group = group(caseId);
        int reportCount = 0;
        Set<String> organisations = new LinkedHashSet<>();
        Instant since = null;
        for (UUID id : group) {
            CaseStore.StoredCase stored = store.find(id).orElse(null);
            if (stored == null) {
                continue;
            }
            reportCount += stored.value().reports().size();
            store.referrals(id).forEach(r -> organisations.add(r.organisation().code()));
            Instant first = stored.value().firstContactAt();
            since = since == null || first.isBefore(since) ? first : since;
        }
        return new Group(reportCount, organisations.size(), since == null ? clock.instant() : since, group.size());
    }

    /** A person confirms or rejects a proposed link; they must be able to see both cases. */
    @Transactional
    public Link decide(StaffMember member, UUID linkId, boolean confirm, CaseAccess access) {
        record Row(UUID a, UUID b, String state) {}
        Row row = jdbc.sql("select case_a, case_b, state from case_link where id = ? for update")
                .param(linkId)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)))
                .optional()
                .filter(r -> access.maySee(member, r.a()) && access.maySee(member, r.b()))
                .orElseThrow(() -> new NotFoundException("no link " + linkId + " that you may decide"));
        if (!row.state().equals("PROPOSED")) {
            throw new RuleViolationException(
                    "link-already-decided",
                    "the link was already " + row.state().toLowerCase(java.util.Locale.ROOT));
        }
        Instant now = clock.instant();
        String state = confirm ? "CONFIRMED" : "REJECTED";
        jdbc.sql("""
                        update case_link set state = ?, decided_at = ?, decided_by_organisation = ?, decided_by_role = ?
                        where id = ? and state = 'PROPOSED'""")
                .params(
                        state,
                        SqlTime.bind(now),
                        member.organisationCode(),
                        member.role().code(),
                        linkId)
                .update();
        String kind = confirm ? "link.confirmed" : "link.rejected";
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("link", linkId.toString());
        store.timeline(row.a(), now, kind, null, null, Casework.auditActor(member), detail);
        store.timeline(row.b(), now, kind, null, null, Casework.auditActor(member), detail);
        audit.record(
                kind,
                row.a(),
                Casework.auditActor(member),
                Map.of("link", linkId.toString(), "other", row.b().toString()));
        return of(row.a()).stream()
                .filter(l -> l.id().equals(linkId))
                .findFirst()
                .orElse(new Link(linkId, row.b(), "", state.toLowerCase(java.util.Locale.ROOT), 0, List.of()));
    }
}
