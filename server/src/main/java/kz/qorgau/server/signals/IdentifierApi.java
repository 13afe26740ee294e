package kz.qorgau.server.signals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.qorgau.server.directory.StaffMember;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/cases/{id}/identifiers}: the identifiers recorded on a case that signals are matched
 * against (scopes {@code cases:read} to list, {@code cases:write} to record; a case the caller may not
 * see is a 404).
 */
@RestController
@Tag(name = "Signals")
class IdentifierApi {

    private final KnownIdentifiers identifiers;

    IdentifierApi(KnownIdentifiers identifiers) {
        this.identifiers = identifiers;
    }

    /**
     * @param kind {@code phone}, {@code handle}, {@code nickname}, {@code bank-account} or {@code student-id}
     * @param value as typed; normalised (phones to E.164, handles to {@code @name}, accounts without
     *     spaces)
     */
    record NewIdentifier(@Nullable String kind, @Nullable String value) {}

    /**
     * The recorded identifier.
     *
     * @param matchedStored signals stored before it was recorded (ads, payment alerts, school signals)
     *     that matched it and were put on the case's chronology now; 0 when the case already had it
     */
    record RecordedIdentifier(
            UUID id, String kind, String value, Instant recordedAt, String recordedBy, int matchedStored) {}

    @GetMapping("/api/v1/cases/{id}/identifiers")
    @Operation(summary = "The identifiers recorded on a case (recorded in the ledger as a read)")
    List<KnownIdentifiers.View> list(
            @AuthenticationPrincipal StaffMember me, Authentication authentication, @PathVariable("id") UUID id) {
        SignalProblems.requireScope(authentication, "cases:read");
        return identifiers.of(me, id);
    }

    @PostMapping("/api/v1/cases/{id}/identifiers")
    @Operation(
            summary = "Record an identifier of the child on a case",
            description = "201 when recorded, 200 when the case already had it. While the case is open, the"
                    + " signals already stored (at most 500 per identifier, the newest first; not for nicknames)"
                    + " and later ads, payment alerts and school signals are matched against it;"
                    + " matchedStored counts the stored ones put on the case's chronology now.")
    ResponseEntity<RecordedIdentifier> record(
            @AuthenticationPrincipal StaffMember me,
            Authentication authentication,
            @PathVariable("id") UUID id,
            @RequestBody NewIdentifier body) {
        SignalProblems.requireScope(authentication, "cases:write");
        KnownIdentifiers.Recorded recorded = identifiers.record(me, id, body.kind(), body.value());
        KnownIdentifiers.View v = recorded.identifier();
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new RecordedIdentifier(
                        v.id(), v.kind(), v.value(), v.recordedAt(), v.recordedBy(), recorded.matchedStored()));
    }
}
