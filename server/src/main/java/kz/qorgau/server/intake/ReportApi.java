package kz.qorgau.server.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import kz.qorgau.server.attachments.AttachmentCheck;
import kz.qorgau.server.attachments.AttachmentView;
import kz.qorgau.server.attachments.Attachments;
import kz.qorgau.server.attachments.Upload;
import kz.qorgau.server.audit.Actor;
import kz.qorgau.server.platform.FieldViolation;
import kz.qorgau.server.platform.InvalidInputException;
import kz.qorgau.server.platform.Languages;
import kz.qorgau.server.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/reports}: anyone files a report; the receipt is in the response, once. {@code
 * POST /api/v1/reporter/attachments}: the reporter adds files to it with the receipt ({@code
 * X-Receipt}), as multipart parts named {@code file}.
 */
@RestController
@Tag(name = "Reports", description = "Filing a report, for anyone")
class ReportApi {

    private final Intake intake;
    private final Reports reports;
    private final Attachments attachments;
    private final MessageSource messages;
    private final Clock clock;

    ReportApi(Intake intake, Reports reports, Attachments attachments, MessageSource messages, Clock clock) {
        this.intake = intake;
        this.reports = reports;
        this.attachments = attachments;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The JSON body of a report. Codes: see {@link Category#code()} and {@link ReporterRelation#code()}.
     * Each of the three statements about an institution — it refused the report, someone threatened the
     * reporter, someone who works there is involved in harming the child — with the institution named
     * ({@code refusedBy}, {@code threatenedBy}, {@code staffOf}: free text, at most 200 characters; naming
     * one implies the statement) is a conflict of interest: the case goes to oversight at once and is
     * hidden from that institution.
     */
    record ReportRequest(
            @Nullable String childName,
            @Nullable Integer childAge,

            @Schema(
                    description = "The child's date of birth, if known: an ISO date (yyyy-MM-dd), not after"
                            + " the day of filing (Asia/Almaty) and at most 25 years before it. Sealed like the"
                            + " name; used, as a keyed hash, to propose linking reports about the same child."
                            + " Without childAge, the age on the day of filing is derived from it.",
                    type = "string",
                    format = "date",
                    example = "2012-05-17")
            @Nullable
            String childBirthDate,

            @Nullable String school,
            @Nullable String city,
            @Nullable List<String> categories,
            @Nullable String narrative,
            @Nullable String since,
            @Nullable String reporterRelation,
            @Nullable Boolean anonymous,
            @Nullable String reporterName,
            @Nullable String contact,
            @Nullable Boolean institutionRefused,
            @Nullable String refusedBy,
            @Nullable Boolean threatened,
            @Nullable String threatenedBy,

            @Schema(
                    description = "Someone who works at an institution (a teacher, a police officer, …) is"
                            + " involved in harming the child. The case goes to oversight and is hidden"
                            + " from that institution.")
            @Nullable
            Boolean staffInvolved,

            @Schema(
                    description = "Which institution the staff involved work at, as the reporter names it"
                            + " (e.g. 'школа №25'), at most 200 characters. Naming one implies"
                            + " staffInvolved. Not recognised: the case goes to oversight anyway.",
                    maxLength = 200)
            @Nullable
            String staffOf,

            @Nullable String language) {

        ReportDraft toDraft() {
            return new ReportDraft(
                    childName,
                    childAge == null ? null : String.valueOf(childAge),
                    childBirthDate,
                    school,
                    city,
                    categories,
                    narrative,
                    since,
                    reporterRelation,
                    anonymous,
                    reporterName,
                    contact,
                    institutionRefused,
                    refusedBy,
                    threatened,
                    threatenedBy,
                    staffInvolved,
                    staffOf,
                    language);
        }
    }

    /**
     * The answer to a filed report.
     *
     * @param receipt shown once; {@code null} when the same {@code Idempotency-Key} was filed before
     */
    record ReportReceipt(
            String reference,
            @Nullable String receipt,
            Instant submittedAt,
            @Nullable Long ledgerIndex,
            boolean duplicate,
            String followUp) {}

    // No 'produces': it would make a refused request's problem+json negotiate down to application/json.
    @PostMapping(path = "/api/v1/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "File a report",
            description = "Returns the receipt once; keep it to follow the case. A report that says an institution"
                    + " refused it (institutionRefused, refusedBy), that someone threatened the reporter"
                    + " (threatened, threatenedBy) or that staff of an institution are involved in harming the"
                    + " child (staffInvolved, staffOf) goes to oversight at once and is hidden from that"
                    + " institution (conflict of interest).")
    ResponseEntity<ReportReceipt> file(
            @RequestBody ReportRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 64)) {
            throw new InvalidInputException("Idempotency-Key", "length", "must be 1 to 64 characters");
        }
        ReportRules.Checked checked =
                ReportRules.check(request.toDraft(), Channel.API, Languages.FALLBACK, ReportRules.today(clock));
        if (checked instanceof ReportRules.Invalid(List<ReportRules.Violation> violations)) {
            throw new InvalidInputException(violations.stream()
                    .map(v -> new FieldViolation(
                            v.field(),
                            v.code(),
                            messages.getMessage(
                                    "error." + v.code(), v.arguments().toArray(), v.code(), Locale.ENGLISH)))
                    .toList());
        }
        Filing filing = intake.file(((ReportRules.Valid) checked).report(), idempotencyKey);
        String followUp = "/api/v1/reporter/case";
        return switch (filing) {
            case Filing.Filed filed ->
                ResponseEntity.status(HttpStatus.CREATED)
                        .body(new ReportReceipt(
                                filed.reference(),
                                filed.receipt(),
                                filed.submittedAt(),
                                filed.ledgerIndex(),
                                false,
                                followUp));
            case Filing.AlreadyFiled already ->
                ResponseEntity.ok(
                        new ReportReceipt(already.reference(), null, already.submittedAt(), null, true, followUp));
        };
    }

    /**
     * The files now attached to the report.
     *
     * @param added the files this request attached, in order
     */
    record AttachmentsAdded(String reference, List<AttachmentView> added, int attached, int maxAttachments) {}

    @PostMapping(path = "/api/v1/reporter/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Attach files to the report a receipt opens",
            description = "Multipart parts named 'file': photos (JPEG, PNG), PDF, audio (MP3, WAV, OGG, M4A, AMR),"
                    + " recognised by their content. Each at most qorgau.attachments.max-size (10 MB), at most"
                    + " qorgau.attachments.max-per-report (5) per report. All are attached or none.")
    ResponseEntity<AttachmentsAdded> attach(
            @RequestHeader(name = "X-Receipt", required = false) @Nullable String receipt,
            @RequestParam(name = "file", required = false) @Nullable List<MultipartFile> files) {
        ReportView report =
                reports.byReceipt(receipt).orElseThrow(() -> new NotFoundException("No report matches this receipt."));
        AttachmentCheck checked = attachments.prepare(
                files == null ? List.of() : files.stream().map(Upload::of).toList(),
                attachments.countOfReport(report.id()));
        if (checked instanceof AttachmentCheck.Accepted accepted && accepted.isEmpty()) {
            throw new InvalidInputException(
                    "file", "required", "send one or more files as multipart parts named 'file'");
        }
        if (checked instanceof AttachmentCheck.Refused refused) {
            throw refused.asProblem(messages);
        }
        List<AttachmentView> added = attachments.attachToReport(
                report.id(), report.caseId(), (AttachmentCheck.Accepted) checked, Actor.reporter());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new AttachmentsAdded(
                        report.reference(), added, attachments.countOfReport(report.id()), attachments.maxPerReport()));
    }
}
