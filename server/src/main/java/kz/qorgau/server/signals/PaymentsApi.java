package kz.qorgau.server.signals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.platform.InvalidInputException;
import kz.qorgau.signals.tx.input.TransactionFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/signals/transactions} (scope {@code signals:write}): a transaction file as the
 * body (CSV, camt.053 XML or JSON lines, by content type), or as the multipart part {@code
 * transactions} with an optional {@code accounts} part; optionally gzip-compressed. And the draft
 * suspicious-transaction report of an alert matched to a case: {@code GET
 * /api/v1/cases/{id}/signals/payments/{alert}/str.json} and {@code …/str.pdf} (scope {@code
 * cases:read}).
 */
@RestController
@Tag(name = "Signals")
class PaymentsApi {

    private final PaymentIngestion ingestion;
    private final SuspiciousTransactionReports reports;
    private final SignalSettings settings;

    PaymentsApi(PaymentIngestion ingestion, SuspiciousTransactionReports reports, SignalSettings settings) {
        this.ingestion = ingestion;
        this.reports = reports;
        this.settings = settings;
    }

    @PostMapping(
            path = "/api/v1/signals/transactions",
            consumes = {
                "text/csv",
                "application/csv",
                "application/xml",
                "text/xml",
                "application/x-ndjson",
                "application/jsonl",
                "application/json-lines"
            },
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Screen a transaction file; store and match the alerts",
            description = "The format comes from 'format' (csv, camt053, jsonl), else the content type. Rows"
                    + " that cannot be used are listed with their line numbers; a file that cannot be read at"
                    + " all (wrong header, malformed XML) is refused whole and nothing is stored.")
    PaymentIngestion.Result body(
            @AuthenticationPrincipal StaffMember me,
            Authentication authentication,
            HttpServletRequest request,
            @RequestParam(name = "format", required = false) @Nullable String format)
            throws IOException {
        SignalProblems.requireScope(authentication, AdsApi.SCOPE);
        try (BoundedBody body = BoundedBody.open(
                request.getInputStream(), settings.maxInputSize().toBytes(), "body")) {
            return ingestion.ingest(me, body, format(format, request.getContentType(), null, body), null);
        }
    }

    @PostMapping(
            path = "/api/v1/signals/transactions",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The same as a multipart upload: 'transactions' and optionally 'accounts' (CSV)")
    PaymentIngestion.Result upload(
            @AuthenticationPrincipal StaffMember me,
            Authentication authentication,
            @RequestParam("transactions") MultipartFile transactions,
            @RequestParam(name = "accounts", required = false) @Nullable MultipartFile accounts,
            @RequestParam(name = "format", required = false) @Nullable String format)
            throws IOException {
        SignalProblems.requireScope(authentication, AdsApi.SCOPE);
        long limit = settings.maxInputSize().toBytes();
        try (BoundedBody body = BoundedBody.open(transactions.getInputStream(), limit, "transactions");
                BoundedBody accountsBody = accounts == null || accounts.isEmpty()
                        ? null
                        : BoundedBody.open(accounts.getInputStream(), limit, "accounts")) {
            TransactionFormat chosen =
                    format(format, transactions.getContentType(), transactions.getOriginalFilename(), body);
            return ingestion.ingest(me, body, chosen, accountsBody);
        }
    }

    @GetMapping(
            path = "/api/v1/cases/{id}/signals/payments/{alert}/str.json",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Draft suspicious-transaction report of an alert matched to the case (JSON)",
            description = "404 unless the caller may see the case and the alert was matched to it. The export is"
                    + " recorded in the ledger.")
    ResponseEntity<SuspiciousTransactionReports.Draft> strJson(
            @AuthenticationPrincipal StaffMember me,
            Authentication authentication,
            @PathVariable("id") UUID caseId,
            @PathVariable("alert") UUID alert) {
        SignalProblems.requireScope(authentication, "cases:read");
        SuspiciousTransactionReports.Draft draft = reports.draft(me, caseId, alert, "json");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("str-" + alert + ".json"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(draft);
    }

    @GetMapping(path = "/api/v1/cases/{id}/signals/payments/{alert}/str.pdf")
    @Operation(summary = "The same draft as a PDF for printing and signing")
    ResponseEntity<byte[]> strPdf(
            @AuthenticationPrincipal StaffMember me,
            Authentication authentication,
            @PathVariable("id") UUID caseId,
            @PathVariable("alert") UUID alert,
            Locale locale) {
        SignalProblems.requireScope(authentication, "cases:read");
        byte[] pdf = reports.pdf(me, caseId, alert, locale);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("str-" + alert + ".pdf"))
                .contentType(MediaType.APPLICATION_PDF)
                .body(pdf);
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment().filename(name).build().toString();
    }

    /** The format named, else the one the content type or file name says, else the one the content shows. */
    static TransactionFormat format(
            @Nullable String named, @Nullable String contentType, @Nullable String fileName, BoundedBody body) {
        if (named != null && !named.isBlank()) {
            try {
                return TransactionFormat.named(named.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("format", "unknown", "must be csv, camt053 or jsonl");
            }
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/csv") || type.startsWith("application/csv")) {
            return TransactionFormat.CSV;
        }
        if (type.startsWith("application/xml") || type.startsWith("text/xml")) {
            return TransactionFormat.CAMT053;
        }
        if (type.startsWith("application/x-ndjson")
                || type.startsWith("application/jsonl")
                || type.startsWith("application/json-lines")) {
            return TransactionFormat.JSONL;
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        if (name.endsWith(".csv")) {
            return TransactionFormat.CSV;
        }
        if (name.endsWith(".xml")) {
            return TransactionFormat.CAMT053;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return TransactionFormat.JSONL;
        }
        int first = body.firstSignificantByte();
        return first == '<'
                ? TransactionFormat.CAMT053
                : first == '{' ? TransactionFormat.JSONL : TransactionFormat.CSV;
    }
}
