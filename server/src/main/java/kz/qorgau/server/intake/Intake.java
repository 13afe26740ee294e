package kz.qorgau.server.intake;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.server.audit.Actor;
import kz.qorgau.server.audit.AuditTrail;
import kz.qorgau.server.audit.LedgerTicket;
import kz.qorgau.server.directory.Directory;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.platform.Dates;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files reports. A report is committed — with its {@link ReportFiled} event in the same transaction —
 * before its receipt is returned, so an acknowledged report survives any crash after that point. The
 * same form token filed twice gives one report.
 */
@Service
public class Intake {

    private static final String REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private final Reports reports;
    private final Receipts receipts;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Intake(
            Reports reports,
            Receipts receipts,
            Directory directory,
            ApplicationEventPublisher events,
            AuditTrail audit,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.reports = reports;
        this.receipts = receipts;
        this.directory = directory;
        this.events = events;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Files a report.
     *
     * @param formToken the token of the form (or the API's {@code Idempotency-Key}); a second filing
     *     with the same token returns {@link Filing.AlreadyFiled} instead of a new report
     */
    public Filing file(NewReport report, @Nullable String formToken) {
        if (formToken != null) {
            Optional<Filing.AlreadyFiled> earlier = reports.byFormToken(formToken);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        DuplicateKeyException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Filed filed = transaction.execute(status -> fileInTransaction(report, formToken));
                if (filed == null) {
                    throw new IllegalStateException("the filing transaction returned nothing");
                }
                // The ledger entry got its index as the transaction committed.
                return new Filing.Filed(
                        filed.reportId(),
                        filed.reference(),
                        filed.receipt(),
                        filed.submittedAt(),
                        filed.ticket().index().isPresent()
                                ? filed.ticket().index().getAsLong()
                                : null);
            } catch (DuplicateKeyException duplicate) {
                // Either the same form was submitted concurrently, or a random reference collided.
                if (formToken != null) {
                    Optional<Filing.AlreadyFiled> earlier = reports.byFormToken(formToken);
                    if (earlier.isPresent()) {
                        return earlier.get();
                    }
                }
                last = duplicate;
            }
        }
        throw last;
    }

    private record Filed(UUID reportId, String reference, String receipt, Instant submittedAt, LedgerTicket ticket) {}

    private Filed fileInTransaction(NewReport given, @Nullable String formToken) {
        Instant now = clock.instant();
        NewReport report = withDerivedAge(given, now);
        UUID id = UUID.randomUUID();
        String reference = newReference();
        String receipt = receipts.generate();
        String schoolCode = directory
                .recogniseSchool(report.school(), report.city())
                .map(Organisation::code)
                .orElse(null);
        reports.insert(id, reference, receipts.hash(receipt), formToken, now, report, schoolCode);
        events.publishEvent(new ReportFiled(
                id,
                reference,
                now,
                report.categories(),
                report.childAge(),
                schoolCode,
                report.institutionRefused(),
                report.threatened(),
                report.staffInvolved(),
                report.referTo()));
        LedgerTicket ticket = audit.record("report.filed", null, actor(report), content(id, reference, now, report));
        return new Filed(id, reference, receipt, now, ticket);
    }

    /**
     * A report that gives a date of birth but no age gets the child's age on the day of filing, so the
     * case's rules (and linking) see an age; a date of birth of someone now grown up gives none.
     */
    static NewReport withDerivedAge(NewReport report, Instant filedAt) {
        if (report.childAge() != null || report.childBirthDate() == null) {
            return report;
        }
        int age = Period.between(
                        report.childBirthDate(),
                        filedAt.atZone(Dates.KAZAKHSTAN).toLocalDate())
                .getYears();
        return age >= 0 && age <= ReportRules.MAX_AGE ? report.withChildAge(age) : report;
    }

    private static Actor actor(NewReport report) {
        return switch (report.channel()) {
            case HELPLINE -> new Actor("helpline", "intake-officer");
            case SIGNAL -> new Actor("qorgau", "signal");
            case WEB, API -> Actor.reporter();
        };
    }

    /** What the ledger entry's content hash covers: the report as filed. */
    static Map<String, Object> content(UUID id, String reference, Instant submittedAt, NewReport report) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("report", id.toString());
        content.put("reference", reference);
        content.put("submittedAt", submittedAt.toString());
        content.put("channel", report.channel().name());
        content.put(
                "categories",
                report.categories().stream().map(Category::code).sorted().toList());
        content.put("narrative", report.narrative());
        content.put("childName", report.childName());
        content.put("childAge", report.childAge());
        if (report.childBirthDate() != null) {
            // Only when given, so the content of reports without one reads as it did before.
            content.put("childBirthDate", report.childBirthDate().toString());
        }
        content.put("school", report.school());
        content.put("city", report.city());
        content.put("since", report.since());
        content.put("relation", report.relation().code());
        content.put("anonymous", report.anonymous());
        content.put("reporterName", report.reporterName());
        content.put("contact", report.contact());
        content.put("institutionRefused", report.institutionRefused());
        content.put("refusedBy", report.refusedBy());
        content.put("threatened", report.threatened());
        content.put("threatenedBy", report.threatenedBy());
        content.put("staffInvolved", report.staffInvolved());
        content.put("staffOf", report.staffOf());
        return content;
    }

    private String newReference() {
        StringBuilder out = new StringBuilder("R-");
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                out.append('-');
            }
            out.append(REFERENCE_ALPHABET.charAt(random.nextInt(32)));
        }
        return out.toString();
    }
}
