package kz.qorgau.server.attachments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import kz.qorgau.server.directory.StaffMember;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's attachments over the API ({@code Authorization: Bearer}, scope {@code cases:read}, like
 * every {@code GET /api/v1/cases/**}): the list, the viewing copy for staff who may see the case, the
 * original for oversight. A case or attachment the caller may not see is a 404.
 */
@RestController
@Tag(name = "Attachments", description = "Files filed with reports and messages")
class AttachmentApi {

    private final Attachments attachments;

    AttachmentApi(Attachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/api/v1/cases/{caseId}/attachments")
    @Operation(summary = "The attachments of a case's reports and messages (no content)")
    List<AttachmentView> list(@AuthenticationPrincipal StaffMember me, @PathVariable("caseId") UUID caseId) {
        return attachments.ofCase(me, caseId);
    }

    @GetMapping("/api/v1/cases/{caseId}/attachments/{id}")
    @Operation(
            summary = "The viewing copy, without metadata (EXIF, GPS, XMP, document information)",
            description = "409 when the file is kept as evidence only. Recorded in the ledger.")
    ResponseEntity<byte[]> viewingCopy(
            @AuthenticationPrincipal StaffMember me, @PathVariable("caseId") UUID caseId, @PathVariable("id") UUID id) {
        return Downloads.response(attachments.viewingCopy(me, caseId, id), false);
    }

    @GetMapping("/api/v1/cases/{caseId}/attachments/{id}/original")
    @Operation(
            summary = "The original as received, for oversight only",
            description = "403 for anyone else who may see the case. Recorded in the ledger.")
    ResponseEntity<byte[]> original(
            @AuthenticationPrincipal StaffMember me, @PathVariable("caseId") UUID caseId, @PathVariable("id") UUID id) {
        return Downloads.response(attachments.original(me, caseId, id), false);
    }
}
