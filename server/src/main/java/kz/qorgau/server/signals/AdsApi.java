package kz.qorgau.server.signals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import kz.qorgau.server.directory.StaffMember;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/signals/ads}: a batch of up to 10,000 ads as JSON lines (scope {@code
 * signals:write}), as the request body ({@code application/x-ndjson} or {@code application/jsonl},
 * optionally gzip-compressed) or as the file part {@code file} of a {@code multipart/form-data}
 * request (for batches above the platform's body limit).
 */
@RestController
@Tag(name = "Signals", description = "Ads, payments and school records screened and matched to cases")
class AdsApi {

    static final String SCOPE = "signals:write";

    private final AdIngestion ingestion;
    private final SignalSettings settings;

    AdsApi(AdIngestion ingestion, SignalSettings settings) {
        this.ingestion = ingestion;
        this.settings = settings;
    }

    @PostMapping(
            path = "/api/v1/signals/ads",
            consumes = {"application/x-ndjson", "application/jsonl", "application/json-lines"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Screen, link, store and match a batch of ads (JSON lines)",
            description = "Malformed lines are listed with their line numbers and skipped; the rest is stored in"
                    + " one transaction. The body may be gzip-compressed. Matches with open cases go on their"
                    + " timelines; the response counts them and names no case.")
    AdIngestion.Result lines(
            @AuthenticationPrincipal StaffMember me, Authentication authentication, HttpServletRequest request)
            throws IOException {
        SignalProblems.requireScope(authentication, SCOPE);
        try (BoundedBody body = BoundedBody.open(
                request.getInputStream(), settings.maxInputSize().toBytes(), "body")) {
            return ingestion.ingest(me, body);
        }
    }

    @PostMapping(
            path = "/api/v1/signals/ads",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The same, with the JSON lines as the file part 'file' (optionally gzip-compressed)")
    AdIngestion.Result upload(
            @AuthenticationPrincipal StaffMember me,
            Authentication authentication,
            @RequestParam("file") MultipartFile file)
            throws IOException {
        SignalProblems.requireScope(authentication, SCOPE);
        try (BoundedBody body =
                BoundedBody.open(file.getInputStream(), settings.maxInputSize().toBytes(), "file")) {
            return ingestion.ingest(me, body);
        }
    }
}
