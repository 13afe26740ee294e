package kz.qorgau.server.casework;

import kz.qorgau.server.intake.ReportFiled;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Opens a case for each filed report. Runs after the report's transaction committed, from the event
 * publication registry: if it fails or the server stops, the event is delivered again, and a report
 * already attached to a case is not opened twice.
 */
@Component
class CaseOpening {

    private final Casework casework;
    private final CaseLinks links;

    CaseOpening(Casework casework, CaseLinks links) {
        this.casework = casework;
        this.links = links;
    }

    @ApplicationModuleListener
    void on(ReportFiled filed) {
        casework.open(filed);
    }

    /** Proposes links to cases that may be about the same child, once the new case is committed. */
    @ApplicationModuleListener
    void on(CaseLinks.CaseIndexed indexed) {
        links.propose(indexed.caseId());
    }
}
