package kz.qorgau.server.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import kz.qorgau.server.platform.FieldViolation;
import kz.qorgau.server.platform.InvalidInputException;
import kz.qorgau.server.platform.Languages;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/reports}: anyone files a report; the receipt is in the response, once. */
@RestController
@Tag(name = "Reports", description = "Filing a report, for anyone")
class ReportApi {

    private final Intake intake;
    private final MessageSource messages;

    ReportApi(Intake intake, MessageSource messages) {
        this.intake = intake;
        this.messages = messages;
    }

    /** The JSON body of a report. Codes: see {@link Category#code()} and {@link ReporterRelation#code()}. */
    record ReportRequest(
            @Nullable String childName,
            @Nullable Integer childAge,
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
            @Nullable String language) {

        ReportDraft toDraft() {
            return new ReportDraft(
                    childName,
                    childAge == null ? null : String.valueOf(childAge),
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
    @Operation(summary = "File a report", description = "Returns the receipt once; keep it to follow the case.")
    ResponseEntity<ReportReceipt> file(
            @RequestBody ReportRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 64)) {
            throw new InvalidInputException("Idempotency-Key", "length", "must be 1 to 64 characters");
        }
        ReportRules.Checked checked = ReportRules.check(request.toDraft(), Channel.API, Languages.FALLBACK);
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
}
