package kz.qorgau.server.attachments;

import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.server.audit.Actor;
import kz.qorgau.server.audit.AuditTrail;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.platform.NotFoundException;
import kz.qorgau.server.platform.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * Attachments of reports and messages.
 *
 * <p>Filing one is two steps, so that no parsing happens inside a transaction and nothing is written
 * unless every file passed: {@link #prepare} reads each upload (at most the size limit), recognises
 * its type from its content, parses it and makes the viewing copy; {@link #attachToReport} or {@link
 * #attachToMessage} then seals and writes, inside the caller's transaction, with a ledger entry per
 * file. Attachments are never changed or deleted.
 *
 * <p>Reading: staff with access to the case list attachments and download viewing copies; only
 * oversight downloads originals. Each download is recorded in the ledger.
 */
@Service
public class Attachments {

    private static final Logger log = LoggerFactory.getLogger(Attachments.class);

    private final AttachmentStore store;
    private final AttachmentSettings settings;
    private final AuditTrail audit;
    private final ObjectProvider<CaseVisibility> visibility;
    private final Clock clock;

    Attachments(
            AttachmentStore store,
            AttachmentSettings settings,
            AuditTrail audit,
            ObjectProvider<CaseVisibility> visibility,
            Clock clock) {
        this.store = store;
        this.settings = settings;
        this.audit = audit;
        this.visibility = visibility;
        this.clock = clock;
    }

    /** How many files a report (or a message) may carry. */
    public int maxPerReport() {
        return settings.maxPerReport();
    }

    /** The largest file accepted, in bytes. */
    public long maxSize() {
        return settings.maxSize().toBytes();
    }

    /**
     * Checks uploads and makes their viewing copies. Empty file inputs of a form (no name, no bytes)
     * are skipped. O(total size); decoding is bounded by the pixel limit and the viewing copy's size.
     *
     * @param alreadyAttached how many files the report or message carries already
     * @return every upload accepted, or every refusal (then nothing may be attached)
     */
    public AttachmentCheck prepare(List<Upload> uploads, int alreadyAttached) {
        List<Refusal> refusals = new ArrayList<>();
        List<PreparedAttachment> accepted = new ArrayList<>();
        List<Upload> chosen = uploads.stream().filter(u -> !u.nothingChosen()).toList();
        if (alreadyAttached + chosen.size() > settings.maxPerReport()) {
            return new AttachmentCheck.Refused(
                    List.of(new Refusal(-1, null, "too-many", List.of(settings.maxPerReport()))));
        }
        int index = 0;
        for (Upload upload : uploads) {
            if (upload.nothingChosen()) {
                index++;
                continue;
            }
            Refusal refusal = prepareOne(index, upload, accepted);
            if (refusal != null) {
                refusals.add(refusal);
            }
            index++;
        }
        return refusals.isEmpty() ? new AttachmentCheck.Accepted(accepted) : new AttachmentCheck.Refused(refusals);
    }

    /** Prepares one upload into {@code accepted}, or says why it is refused. */
    private @Nullable Refusal prepareOne(int index, Upload upload, List<PreparedAttachment> accepted) {
        String name = upload.fileName();
        long limit = settings.maxSize().toBytes();
        long megabytes = Math.max(1, limit / (1024 * 1024));
        if (upload.size() > limit) {
            return new Refusal(index, name, "too-large", List.of(megabytes));
        }
        byte[] content;
        try {
            content = upload.read(limit);
        } catch (IOException e) {
            return new Refusal(index, name, "unreadable", List.of());
        }
        if (content == null) {
            return new Refusal(index, name, "too-large", List.of(megabytes));
        }
        if (content.length == 0) {
            return new Refusal(index, name, "empty", List.of());
        }
        Optional<AttachmentKind> kind = ContentSniffer.kindOf(content);
        if (kind.isEmpty()) {
            return new Refusal(index, name, "type-not-allowed", List.of());
        }
        byte @Nullable [] viewing;
        switch (viewingCopy(content, kind.get())) {
            case ViewingCopy.Unreadable(String code, List<Object> arguments) -> {
                return new Refusal(index, name, code, arguments);
            }
            case ViewingCopy.Made made -> viewing = made.content();
            case ViewingCopy.EvidenceOnly evidence -> viewing = null;
        }
        accepted.add(new PreparedAttachment(name, kind.get(), content, viewing, sha256(content)));
        return null;
    }

    ViewingCopy viewingCopy(byte[] content, AttachmentKind kind) {
        return switch (kind) {
            case JPEG, PNG -> ImageCopies.copy(content, kind, settings.maxPixels(), settings.viewingMaxSide());
            case PDF -> PdfCopies.copy(content);
            case MP3, WAV, OGG, M4A, AMR -> AudioCopies.copy(content, kind);
        };
    }

    /**
     * Attaches prepared files to a report, in the caller's transaction (or a new one).
     *
     * @param caseId the report's case if it is open already (for the ledger entries), else null
     * @param actor who attaches them: {@link Actor#reporter()} for the public, staff otherwise
     * @throws RuleViolationException if, counting files attached meanwhile, the report would carry more
     *     than the limit
     */
    @Transactional
    public List<AttachmentView> attachToReport(
            UUID reportId, @Nullable UUID caseId, AttachmentCheck.Accepted accepted, Actor actor) {
        return attach(AttachmentStore.Owner.report(reportId), caseId, accepted, actor);
    }

    /** Attaches prepared files to a message of a case, in the caller's transaction (or a new one). */
    @Transactional
    public List<AttachmentView> attachToMessage(
            UUID caseId, UUID messageId, AttachmentCheck.Accepted accepted, Actor actor) {
        return attach(AttachmentStore.Owner.message(caseId, messageId), caseId, accepted, actor);
    }

    private List<AttachmentView> attach(
            AttachmentStore.Owner owner, @Nullable UUID caseId, AttachmentCheck.Accepted accepted, Actor actor) {
        if (accepted.isEmpty()) {
            return List.of();
        }
        int last = store.lastPosition(owner);
        if (last + accepted.attachments().size() > settings.maxPerReport()) {
            throw tooMany();
        }
        String uploadedBy = actor.equals(Actor.reporter()) ? "REPORTER" : "STAFF";
        Instant now = clock.instant();
        List<AttachmentView> views = new ArrayList<>();
        int position = last;
        for (PreparedAttachment prepared : accepted.attachments()) {
            UUID id = UUID.randomUUID();
            position++;
            try {
                store.insert(id, owner, position, prepared, now, uploadedBy);
            } catch (DuplicateKeyException raced) {
                throw tooMany();
            }
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("attachment", id.toString());
            content.put(
                    owner.reportId() != null ? "report" : "message", owner.key().toString());
            content.put("position", position);
            content.put("kind", prepared.kind().name());
            content.put("size", prepared.size());
            content.put("sha256", prepared.sha256());
            audit.record("attachment.added", caseId, actor, content);
            views.add(new AttachmentView(
                    id,
                    position,
                    prepared.kind(),
                    prepared.kind().mediaType(),
                    prepared.size(),
                    prepared.fileName(),
                    now,
                    uploadedBy,
                    prepared.hasViewingCopy(),
                    owner.reportId(),
                    owner.messageId()));
        }
        return views;
    }

    private RuleViolationException tooMany() {
        return new RuleViolationException(
                "attachments-per-report",
                "at most " + settings.maxPerReport() + " files may be attached; another upload came first");
    }

    /** How many files a report carries. */
    @Transactional(readOnly = true)
    public int countOfReport(UUID reportId) {
        return store.count(AttachmentStore.Owner.report(reportId));
    }

    /** The attachments of a report, in order. Callers check access (the reporter's receipt, staff's case). */
    @Transactional(readOnly = true)
    public List<AttachmentView> ofReport(UUID reportId) {
        return store.ofReports(List.of(reportId)).stream().map(this::view).toList();
    }

    /**
     * The attachments of every message of a case, by message, each in order, in one read (to show the
     * messages). Callers check access.
     */
    @Transactional(readOnly = true)
    public Map<UUID, List<AttachmentView>> ofMessagesOfCase(UUID caseId) {
        Map<UUID, List<AttachmentView>> byMessage = new LinkedHashMap<>();
        store.ofCaseMessages(caseId).forEach(stored -> {
            AttachmentView view = view(stored);
            if (view.messageId() != null) {
                byMessage
                        .computeIfAbsent(view.messageId(), k -> new ArrayList<>())
                        .add(view);
            }
        });
        return byMessage;
    }

    /**
     * The attachments of a case's reports and messages, for a member of staff who may see the case.
     * Their names are case content: the listing is recorded in the ledger.
     *
     * @throws NotFoundException if they may not (the same as for a case that does not exist)
     */
    @Transactional
    public List<AttachmentView> ofCase(StaffMember member, UUID caseId) {
        CaseVisibility cases = requireVisible(member, caseId);
        List<AttachmentView> all = new ArrayList<>();
        store.ofReports(cases.reportsOf(caseId)).forEach(stored -> all.add(view(stored)));
        store.ofCaseMessages(caseId).forEach(stored -> all.add(view(stored)));
        audit.record(
                "attachments.listed",
                caseId,
                actor(member),
                Map.of("attachments", all.stream().map(a -> a.id().toString()).toList()));
        return all;
    }

    /**
     * The viewing copy (metadata removed), for staff who may see the case; recorded in the ledger.
     *
     * @throws NotFoundException if the member may not see the case or the attachment is not the case's
     * @throws RuleViolationException if there is no viewing copy (evidence only)
     */
    @Transactional
    public Download viewingCopy(StaffMember member, UUID caseId, UUID attachmentId) {
        AttachmentStore.Stored stored = ofVisibleCase(member, caseId, attachmentId);
        AttachmentKind kind = stored.viewingKind();
        if (kind == null) {
            throw new RuleViolationException(
                    "attachment-evidence-only",
                    "this " + stored.kind().code() + " file is kept as evidence only, without a copy stripped of its"
                            + " metadata; oversight may download the original");
        }
        byte[] content = store.content(attachmentId, AttachmentStore.VIEWING).orElseThrow();
        record(member, caseId, stored, "attachment.viewed", AttachmentStore.VIEWING);
        return new Download(attachmentId, kind, "attachment-" + attachmentId + "." + kind.extension(), content);
    }

    /**
     * The original as received (with its metadata), for oversight only; recorded in the ledger.
     *
     * @throws NotFoundException if the member may not see the case or the attachment is not the case's
     * @throws ErrorResponseException 403 if the member may see the case but is not oversight
     */
    @Transactional
    public Download original(StaffMember member, UUID caseId, UUID attachmentId) {
        AttachmentStore.Stored stored = ofVisibleCase(member, caseId, attachmentId);
        if (member.role() != Role.OVERSIGHT) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.FORBIDDEN,
                    "Only oversight may download an original: it keeps the metadata (such as a photo's location)"
                            + " that the viewing copy leaves out.");
            problem.setType(URI.create("https://qorgau.kz/problems/forbidden"));
            problem.setTitle("Forbidden");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
        byte[] content = store.content(attachmentId, AttachmentStore.ORIGINAL).orElseThrow();
        record(member, caseId, stored, "attachment.original-downloaded", AttachmentStore.ORIGINAL);
        return new Download(
                attachmentId,
                stored.kind(),
                "original-" + attachmentId + "." + stored.kind().extension(),
                content);
    }

    private void record(StaffMember member, UUID caseId, AttachmentStore.Stored stored, String type, String variant) {
        audit.record(
                type, caseId, actor(member), Map.of("attachment", stored.id().toString(), "variant", variant));
    }

    private static Actor actor(StaffMember member) {
        return new Actor(member.organisationCode(), member.role().code());
    }

    private AttachmentStore.Stored ofVisibleCase(StaffMember member, UUID caseId, UUID attachmentId) {
        CaseVisibility cases = requireVisible(member, caseId);
        AttachmentStore.Stored stored = store.find(attachmentId).orElseThrow(() -> notFound(attachmentId));
        boolean ofThisCase = caseId.equals(stored.caseId())
                || (stored.reportId() != null && cases.reportsOf(caseId).contains(stored.reportId()));
        if (!ofThisCase) {
            throw notFound(attachmentId);
        }
        return stored;
    }

    private CaseVisibility requireVisible(StaffMember member, UUID caseId) {
        if (member.role() == Role.ADMINISTRATOR) {
            // administrators manage accounts and keys; they never read case content
            throw notFound(caseId);
        }
        Optional<CaseVisibility> cases = visibility.orderedStream().findFirst();
        if (cases.isEmpty()) {
            log.warn("no CaseVisibility bean: attachments cannot be shown to staff until casework provides one");
            throw notFound(caseId);
        }
        if (!cases.get().maySee(member, caseId)) {
            throw notFound(caseId);
        }
        return cases.get();
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("no attachment or case " + id + " that you may see");
    }

    private AttachmentView view(AttachmentStore.Stored stored) {
        return new AttachmentView(
                stored.id(),
                stored.position(),
                stored.kind(),
                stored.kind().mediaType(),
                stored.size(),
                store.fileName(stored),
                stored.uploadedAt(),
                stored.uploadedBy(),
                stored.viewingKind() != null,
                stored.reportId(),
                stored.messageId());
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
