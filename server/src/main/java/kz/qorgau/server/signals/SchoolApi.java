package kz.qorgau.server.signals;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.intake.Filing;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * School early warning over the API. {@code POST /api/v1/signals/school} (scope {@code signals:write})
 * takes the CSV files as multipart parts {@code attendance} (required), {@code grades} and {@code
 * observations}, or the same records as JSON; the school is the caller's, or for its supervising
 * organisation the one named by {@code school}. The lead's side (scopes {@code cases:read} and {@code
 * cases:write}): {@code GET /api/v1/signals/school}, {@code POST …/{id}/case}, {@code POST
 * …/{id}/dismissal}.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Signals")
class SchoolApi {

    private final SchoolIngestion ingestion;
    private final SchoolSignals signals;
    private final SignalSettings settings;

    SchoolApi(SchoolIngestion ingestion, SchoolSignals signals, SignalSettings settings) {
        this.ingestion = ingestion;
        this.signals = signals;
        this.settings = settings;
    }

    @PostMapping(
            path = "/api/v1/signals/school",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Scan a school's attendance, grades and observations (CSV parts, optionally gzip-compressed)",
            description = "As of today in Asia/Almaty. Only flagged students are stored; rejected rows are listed"
                    + " with their file and line.")
    SchoolIngestion.Result upload(
            @AuthenticationPrincipal StaffMember me,
            Authentication authentication,
            @RequestParam("attendance") MultipartFile attendance,
            @RequestParam(name = "grades", required = false) @Nullable MultipartFile grades,
            @RequestParam(name = "observations", required = false) @Nullable MultipartFile observations,
            @RequestParam(name = "school", required = false) @Nullable String school)
            throws IOException {
        SignalProblems.requireScope(authentication, AdsApi.SCOPE);
        Organisation target = signals.schoolFor(me, school);
        long limit = settings.maxInputSize().toBytes();
        try (BoundedBody a = BoundedBody.open(attendance.getInputStream(), limit, "attendance");
                BoundedBody g = part(grades, limit, "grades");
                BoundedBody o = part(observations, limit, "observations")) {
            return ingestion.ingestCsv(me, target, a, g, o);
        }
    }

    static @Nullable BoundedBody part(@Nullable MultipartFile file, long limit, String name) throws IOException {
        return file == null || file.isEmpty() ? null : BoundedBody.open(file.getInputStream(), limit, name);
    }

    /** The records as JSON, field names as in the CSV files ({@code maxScore} for {@code max_score}). */
    record Records(
            @Nullable List<Attendance> attendance,
            @Nullable List<Grade> grades,
            @Nullable List<SchoolIngestion.Observation> observations) {}

    record Attendance(
            @Nullable String student,
            @Nullable String school,
            @JsonProperty("class") @Nullable String schoolClass,
            @Nullable String date,
            @Nullable Integer lesson,
            @Nullable String status) {}

    record Grade(
            @Nullable String student,
            @Nullable String school,
            @JsonProperty("class") @Nullable String schoolClass,
            @Nullable String date,
            @Nullable String subject,
            @Nullable Double score,
            @Nullable Double maxScore) {}

    @PostMapping(
            path = "/api/v1/signals/school",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The same with the records as JSON (within the platform's request size limit)")
    SchoolIngestion.Result json(
            @AuthenticationPrincipal StaffMember me,
            Authentication authentication,
            @RequestBody Records records,
            @RequestParam(name = "school", required = false) @Nullable String school) {
        SignalProblems.requireScope(authentication, AdsApi.SCOPE);
        Organisation target = signals.schoolFor(me, school);
        return ingestion.ingestRecords(
                me,
                target,
                new SchoolIngestion.Records(
                        records.attendance() == null
                                ? null
                                : records.attendance().stream()
                                        .map(a -> new SchoolIngestion.Attendance(
                                                a.student(),
                                                a.school(),
                                                a.schoolClass(),
                                                a.date(),
                                                a.lesson(),
                                                a.status()))
                                        .toList(),
                        records.grades() == null
                                ? null
                                : records.grades().stream()
                                        .map(g -> new SchoolIngestion.Grade(
                                                g.student(),
                                                g.school(),
                                                g.schoolClass(),
                                                g.date(),
                                                g.subject(),
                                                g.score(),
                                                g.maxScore()))
                                        .toList(),
                        records.observations()));
    }

    @GetMapping(path = "/api/v1/signals/school", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The school signals the caller may see: their school's (oversight: every school's)",
            description = "Open signals first, then the most recently decided. Recorded in the ledger.")
    List<SchoolSignals.View> list(@AuthenticationPrincipal StaffMember me, Authentication authentication) {
        SignalProblems.requireScope(authentication, "cases:read");
        return signals.visible(me);
    }

    /** The answer to a decision. */
    record Decision(UUID signal, String state, @Nullable String reportReference) {}

    @PostMapping(path = "/api/v1/signals/school/{id}/case", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Open a case from a school signal (the school's case workers and supervisors)",
            description = "Filed as a report through intake (channel SIGNAL) and referred to the school; the case"
                    + " opens at once and runs on the legal clock. 409 when the signal was already decided.")
    ResponseEntity<Decision> openCase(
            @AuthenticationPrincipal StaffMember me, Authentication authentication, @PathVariable("id") UUID id) {
        SignalProblems.requireScope(authentication, "cases:write");
        Filing filing = signals.openCase(me, id);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Decision(id, SchoolSignals.code(SchoolSignals.CASE_OPENED), filing.reference()));
    }

    /** @param reason why no case is opened */
    record Dismissal(@Nullable String reason) {}

    @PostMapping(path = "/api/v1/signals/school/{id}/dismissal", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record why no case is opened from a school signal")
    Decision dismiss(
            @AuthenticationPrincipal StaffMember me,
            Authentication authentication,
            @PathVariable("id") UUID id,
            @RequestBody Dismissal body) {
        SignalProblems.requireScope(authentication, "cases:write");
        signals.dismiss(me, id, body.reason());
        return new Decision(id, SchoolSignals.code(SchoolSignals.DISMISSED), null);
    }
}
