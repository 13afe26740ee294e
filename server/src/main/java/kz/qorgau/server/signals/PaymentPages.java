package kz.qorgau.server.signals;

import java.util.Locale;
import java.util.UUID;
import kz.qorgau.server.directory.StaffMember;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The draft suspicious-transaction report of an alert matched to a case, for a case worker signed in
 * to the staff pages (the case page links here from the match on its chronology); the same draft as
 * {@link PaymentsApi}'s, with the same rule: 404 unless the member may see the case and the alert was
 * matched to it. Every export is recorded in the ledger.
 */
@Controller
class PaymentPages {

    private final SuspiciousTransactionReports reports;

    PaymentPages(SuspiciousTransactionReports reports) {
        this.reports = reports;
    }

    @GetMapping("/staff/cases/{id}/signals/payments/{alert}/str.pdf")
    ResponseEntity<byte[]> pdf(
            @AuthenticationPrincipal StaffMember me,
            @PathVariable("id") UUID caseId,
            @PathVariable("alert") UUID alert,
            Locale locale) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("str-" + alert + ".pdf"))
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_PDF)
                .body(reports.pdf(me, caseId, alert, locale));
    }

    @GetMapping("/staff/cases/{id}/signals/payments/{alert}/str.json")
    ResponseEntity<SuspiciousTransactionReports.Draft> json(
            @AuthenticationPrincipal StaffMember me,
            @PathVariable("id") UUID caseId,
            @PathVariable("alert") UUID alert) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("str-" + alert + ".json"))
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON)
                .body(reports.draft(me, caseId, alert, "json"));
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment().filename(name).build().toString();
    }
}
