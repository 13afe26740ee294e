package kz.qorgau.server.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.core.casework.ConflictSignal;
import kz.qorgau.core.casework.ReporterStatus;
import kz.qorgau.core.organisation.Organisation;
import kz.qorgau.core.organisation.OrganisationType;
import kz.qorgau.server.attachments.AttachmentCheck;
import kz.qorgau.server.attachments.AttachmentView;
import kz.qorgau.server.attachments.Attachments;
import kz.qorgau.server.audit.Actor;
import kz.qorgau.server.audit.AuditTrail;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.intake.ReportView;
import kz.qorgau.server.intake.Reports;
import kz.qorgau.server.platform.FieldCipher;
import kz.qorgau.server.platform.InvalidInputException;
import kz.qorgau.server.platform.NotFoundException;
import kz.qorgau.server.platform.SqlTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reporter's channel, opened by the receipt alone: a coarse status (received, being handled,
 * escalated to …, closed with its outcome), messages with the case workers, more information, and flags
 * — "I was threatened or pressured", "they refused to take my statement" — naming an organisation.
 * A flag hides the case from that organisation and sends it to oversight at once.
 */
@Service
public class ReporterChannel {

    static final int MAX_MESSAGE = 5_000;

    private final Reports reports;
    private final CaseStore store;
    private final Casework casework;
    private final Organisations organisations;
    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final Announcements announcements;
    private final Clock clock;
    private final Attachments attachments;

    ReporterChannel(
            Reports reports,
            CaseStore store,
            Casework casework,
            Organisations organisations,
            JdbcClient jdbc,
            FieldCipher cipher,
            AuditTrail audit,
            Announcements announcements,
            Attachments attachments,
            Clock clock) {
        this.attachments = attachments;
        this.announcements = announcements;
        this.reports = reports;
        this.store = store;
        this.casework = casework;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the reporter sees. */
    public record ReporterView(
            String reference,
            Instant submittedAt,
            @Nullable String caseReference,
            String status,
            List<String> handledBy,
            @Nullable String escalatedTo,
            @Nullable String outcome,
            List<Message> messages) {}

    /**
     * A message on the case, as the reporter or staff see it, with the names of the files attached to
     * it (the files themselves are on the case page, for staff who may see the case).
     */
    public record Message(
            UUID id,
            Instant at,
            String from,
            String body,
            @Nullable String flag,
            @Nullable String flaggedOrganisation,
            List<String> files) {

        public Message {
            files = List.copyOf(files);
        }
    }

    /** A flag the reporter may raise with a message. */
    public enum Flag {
        THREATENED,
        STATEMENT_REFUSED
    }

    /**
     * The report a receipt opens. Whatever is typed is hashed and looked up the same way, so a wrong
     * receipt costs what a right one does.
     */
    @Transactional(readOnly = true)
    public Optional<UUID> authenticate(@Nullable String receipt) {
        return reports.byReceipt(receipt).map(ReportView::id);
    }

    /** The reporter's view; a wrong receipt is a 404, the same as a missing one. */
    @Transactional
    public ReporterView view(@Nullable String receipt) {
        return view(byReceipt(receipt).id());
    }

    /** The reporter's view of the report they opened with their receipt. */
    @Transactional
    public ReporterView view(UUID reportId) {
        ReportView report = reports.report(reportId).orElseThrow(() -> new NotFoundException("No such report."));
        UUID caseId = report.caseId();
        audit.record(
                "reporter.read",
                caseId,
                Actor.reporter(),
                Map.of("report", report.id().toString()));
        if (caseId == null) {
            return new ReporterView(
                    report.reference(), report.submittedAt(), null, "received", List.of(), null, null, List.of());
        }
        CaseStore.StoredCase stored = store.find(caseId).orElseThrow();
        ReporterStatus status = ReporterStatus.of(stored.value(), store.referrals(caseId));
        return switch (status) {
            case ReporterStatus.Received r -> view(report, stored, "received", List.of(), null, null);
            case ReporterStatus.BeingHandled handled ->
                view(
                        report,
                        stored,
                        "being-handled",
                        handled.by().stream()
                                .map(OrganisationType::code)
                                .sorted()
                                .toList(),
                        null,
                        null);
            case ReporterStatus.EscalatedTo escalated ->
                view(report, stored, "escalated", List.of(), escalated.to().code(), null);
            case ReporterStatus.Closed closed -> view(report, stored, "closed", List.of(), null, closed.outcome());
        };
    }

    private ReporterView view(
            ReportView report,
            CaseStore.StoredCase stored,
            String status,
            List<String> handledBy,
            @Nullable String escalatedTo,
            @Nullable String outcome) {
        return new ReporterView(
                report.reference(),
                report.submittedAt(),
                stored.reference(),
                status,
                handledBy,
                escalatedTo,
                outcome,
                messages(stored.value().id().value(), true));
    }

    /**
     * A message from the reporter, optionally with a flag naming an organisation.
     *
     * @return the stored message
     */
    @Transactional
    public Message fromReporter(
            @Nullable String receipt, @Nullable String body, @Nullable Flag flag, @Nullable String organisation) {
        return fromReporter(byReceipt(receipt).id(), body, flag, organisation, AttachmentCheck.Accepted.NONE);
    }

    /** The same, with files (already checked by {@link Attachments#prepare}) attached to the message. */
    @Transactional
    public Message fromReporter(
            @Nullable String receipt,
            @Nullable String body,
            @Nullable Flag flag,
            @Nullable String organisation,
            AttachmentCheck.Accepted files) {
        return fromReporter(byReceipt(receipt).id(), body, flag, organisation, files);
    }

    /**
     * A message from the reporter of a report they opened with their receipt, with files attached to
     * it: the message, its files and their ledger entries are stored together or not at all.
     */
    @Transactional
    public Message fromReporter(
            UUID reportId,
            @Nullable String body,
            @Nullable Flag flag,
            @Nullable String organisation,
            AttachmentCheck.Accepted files) {
        ReportView report = reports.report(reportId).orElseThrow(() -> new NotFoundException("No such report."));
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() && flag == null && files.isEmpty()) {
            throw new InvalidInputException("body", "required", "write a message, attach a file or raise a flag");
        }
        if (text.length() > MAX_MESSAGE) {
            throw new InvalidInputException("body", "too-long", "must be at most " + MAX_MESSAGE + " characters");
        }
        if (organisation != null && organisation.length() > 200) {
            throw new InvalidInputException("organisation", "too-long", "must be at most 200 characters");
        }
        UUID caseId = report.caseId();
        if (caseId == null) {
            throw new InvalidInputException(
                    "receipt", "not-yet-open", "the report is still being registered; try again in a minute");
        }
        Optional<Organisation> flagged =
                flag == null ? Optional.empty() : organisations.recognise(organisation, report.city());
        Message stored = store(
                caseId,
                report.id(),
                "FROM_REPORTER",
                null,
                text,
                flag,
                flagged.map(Organisation::code).orElse(null));
        List<String> fileNames = attachments.attachToMessage(caseId, stored.id(), files, Actor.reporter()).stream()
                .map(ReporterChannel::shownName)
                .toList();
        Message message =
                new Message(stored.id(), stored.at(), stored.from(), stored.body(), stored.flag(), null, fileNames);
        store.timeline(
                caseId,
                message.at(),
                "message.from-reporter",
                null,
                null,
                Actor.reporter(),
                flag == null ? Map.of() : Map.of("flag", flag.name()));
        if (flag != null) {
            ConflictSignal.Kind kind = flag == Flag.THREATENED
                    ? ConflictSignal.Kind.REPORTER_THREATENED
                    : ConflictSignal.Kind.STATEMENT_REFUSED;
            kz.qorgau.core.casework.Actor reporter = kz.qorgau.core.casework.Actor.system("reporter-channel");
            if (flagged.isPresent()) {
                casework.flagConflictWithin(caseId, kind, flagged.get(), reporter);
            } else {
                casework.sendToOversightWithin(
                        caseId,
                        "The reporter says they were "
                                + (flag == Flag.THREATENED ? "threatened or pressured" : "refused a statement")
                                + " by "
                                + (organisation == null || organisation.isBlank()
                                        ? "an unnamed institution"
                                        : "'" + organisation + "'")
                                + ", which could not be identified.");
            }
        }
        CaseStore.StoredCase now = store.find(caseId).orElseThrow();
        announcements.reporterMessage(now.value(), now.reference(), store.referrals(caseId));
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("message", message.id().toString());
        content.put("body", text);
        content.put("flag", flag == null ? null : flag.name());
        content.put("organisation", organisation);
        content.put("attachments", fileNames.size());
        audit.record("message.from-reporter", caseId, Actor.reporter(), content);
        return message;
    }

    /** A message from a case worker to the reporter. */
    @Transactional
    public Message fromStaff(StaffMember member, UUID caseId, @Nullable String body, boolean maySee) {
        if (!maySee) {
            throw new NotFoundException("no case " + caseId + " that you may see");
        }
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("body", "required", "is required");
        }
        if (text.length() > MAX_MESSAGE) {
            throw new InvalidInputException("body", "too-long", "must be at most " + MAX_MESSAGE + " characters");
        }
        Message message = store(caseId, null, "TO_REPORTER", member.organisationCode(), text, null, null);
        store.timeline(
                caseId,
                message.at(),
                "message.to-reporter",
                null,
                member.organisationCode(),
                Casework.auditActor(member),
                Map.of());
        audit.record(
                "message.to-reporter",
                caseId,
                Casework.auditActor(member),
                Map.of("message", message.id().toString(), "body", text));
        return message;
    }

    /** The messages of a case, oldest first; for the reporter, staff appear as "case worker". */
    @Transactional(readOnly = true)
    public List<Message> messages(UUID caseId, boolean forReporter) {
        Map<UUID, List<AttachmentView>> files = attachments.ofMessagesOfCase(caseId);
        return new ArrayList<>(jdbc
                .sql("select * from case_message where case_id = ? order by at, id")
                .param(caseId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    String direction = rs.getString("direction");
                    String from = "FROM_REPORTER".equals(direction)
                            ? "reporter"
                            : forReporter ? "case-worker" : String.valueOf(rs.getString("author_organisation"));
                    String flag = rs.getString("flag");
                    return new Message(
                            id,
                            SqlTime.require(rs, "at"),
                            from,
                            String.valueOf(cipher.open(rs.getBytes("body_sealed"), "case_message", "body_sealed", id)),
                            flag == null ? null : flag.toLowerCase(Locale.ROOT).replace('_', '-'),
                            forReporter ? null : rs.getString("flagged_organisation"),
                            List.of());
                })
                .list()
                .stream()
                .map(m -> {
                    List<String> names = files.getOrDefault(m.id(), List.of()).stream()
                            .map(ReporterChannel::shownName)
                            .toList();
                    return names.isEmpty()
                            ? m
                            : new Message(m.id(), m.at(), m.from(), m.body(), m.flag(), m.flaggedOrganisation(), names);
                })
                .toList());
    }

    private Message store(
            UUID caseId,
            @Nullable UUID reportId,
            String direction,
            @Nullable String authorOrganisation,
            String body,
            @Nullable Flag flag,
            @Nullable String flaggedOrganisation) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into case_message (id, case_id, report_id, at, direction, author_organisation, flag,
                                                  flagged_organisation, body_sealed)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        caseId,
                        reportId,
                        SqlTime.bind(now),
                        direction,
                        authorOrganisation,
                        flag == null ? null : flag.name(),
                        flaggedOrganisation,
                        cipher.seal(body, "case_message", "body_sealed", id))
                .update();
        return new Message(
                id,
                now,
                "FROM_REPORTER".equals(direction) ? "reporter" : "case-worker",
                body,
                flag == null ? null : flag.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                null,
                List.of());
    }

    private static String shownName(AttachmentView attachment) {
        String name = attachment.fileName();
        return name == null || name.isBlank() ? "#" + attachment.position() : name;
    }

    private ReportView byReceipt(@Nullable String receipt) {
        return reports.byReceipt(receipt).orElseThrow(() -> new NotFoundException("No report matches this receipt."));
    }
}
