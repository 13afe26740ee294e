package kz.qorgau.server.attachments;

import java.util.UUID;
import kz.qorgau.server.directory.StaffMember;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Attachment downloads for the staff pages (signed in): {@code
 * /staff/cases/{caseId}/attachments/{id}} is the viewing copy (a picture is shown in place, so a page
 * may use it in an {@code <img>}), {@code …/original} the original for oversight.
 */
@Controller
class AttachmentPages {

    private final Attachments attachments;

    AttachmentPages(Attachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/staff/cases/{caseId}/attachments/{id}")
    ResponseEntity<byte[]> viewingCopy(
            @AuthenticationPrincipal StaffMember me, @PathVariable("caseId") UUID caseId, @PathVariable("id") UUID id) {
        return Downloads.response(attachments.viewingCopy(me, caseId, id), true);
    }

    @GetMapping("/staff/cases/{caseId}/attachments/{id}/original")
    ResponseEntity<byte[]> original(
            @AuthenticationPrincipal StaffMember me, @PathVariable("caseId") UUID caseId, @PathVariable("id") UUID id) {
        return Downloads.response(attachments.original(me, caseId, id), false);
    }
}
