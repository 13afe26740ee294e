package kz.qorgau.server.casework;

import java.util.Map;
import java.util.Set;
import kz.qorgau.core.casework.Case;
import kz.qorgau.core.casework.Referral;
import kz.qorgau.core.casework.ReferralBasis;
import kz.qorgau.core.organisation.OrganisationType;
import kz.qorgau.core.policy.ImmediateNotice;
import kz.qorgau.server.audit.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Tells organisations what casework asks them to know — a new referral, an escalation, a critical case
 * or a conflict of interest for police and oversight — and puts each notice on the case's timeline.
 */
@Component
class Announcements {

    private final CaseStore store;
    private final Organisations organisations;
    private final java.time.Clock clock;

    Announcements(CaseStore store, Organisations organisations, java.time.Clock clock) {
        this.store = store;
        this.organisations = organisations;
        this.clock = clock;
    }

    void referralOpened(Case value, String reference, Referral referral) {
        String kind = referral.basis() == ReferralBasis.ESCALATED ? "ESCALATION_RECEIVED" : "REFERRAL_RECEIVED";
        notice(
                value,
                reference,
                referral.organisation().code(),
                kind,
                referral.basis().name());
    }

    void immediate(Case value, String reference, Set<ImmediateNotice> notices, @Nullable String region) {
        for (ImmediateNotice notice : notices) {
            OrganisationType type =
                    notice == ImmediateNotice.POLICE ? OrganisationType.JUVENILE_POLICE : OrganisationType.COMMISSIONER;
            organisations
                    .receiver(type, null, region, value.hiddenFrom())
                    .ifPresent(receiver ->
                            notice(value, reference, receiver.code(), "IMMEDIATE_ATTENTION", notice.name()));
        }
    }

    private void notice(Case value, String reference, String organisationCode, String kind, String detail) {
        store.timeline(
                value.id().value(),
                clock.instant(),
                "notice.sent",
                null,
                organisationCode,
                Actor.system(),
                Map.of("kind", kind, "detail", detail, "case", reference));
    }
}
