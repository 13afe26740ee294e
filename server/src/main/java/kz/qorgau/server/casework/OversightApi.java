package kz.qorgau.server.casework;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.qorgau.server.directory.StaffMember;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/oversight/stats}, for oversight only. */
@RestController
@Tag(name = "Oversight", description = "Response times and escalations of every organisation")
class OversightApi {

    private final OversightStats stats;

    OversightApi(OversightStats stats) {
        this.stats = stats;
    }

    @GetMapping("/api/v1/oversight/stats")
    @Operation(
            summary = "Per organisation: open, overdue, escalated, time to acknowledge; escalated and conflicted cases")
    OversightStats.Stats stats(@AuthenticationPrincipal StaffMember me) {
        return stats.stats(me);
    }
}
