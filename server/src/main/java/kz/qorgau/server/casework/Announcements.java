package kz.qorgau.server.casework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.qorgau.core.casework.Case;
import kz.qorgau.core.casework.Referral;
import kz.qorgau.core.casework.ReferralBasis;
import kz.qorgau.core.organisation.OrganisationType;
import kz.qorgau.core.policy.ImmediateNotice;
import kz.qorgau.server.audit.Actor;
import kz.qorgau.server.notify.Notice;
import kz.qorgau.server.notify.NoticeKind;
import kz.qorgau.server.notify.Notifications;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Tells organisations what casework asks them to know — a new referral, an escalation, a critical case,
 * a conflict of interest, a reporter's message, a close to approve — through the notification outbox
 * (in the same transaction as the change), and puts each notice on the case's timeline.
 */
@Component
class Announcements {

    private final CaseStore store;
    private final Organisations organisations;
    private final Notifications notifications;
    private final java.time.Clock clock;

    Announcements(CaseStore store, Organisations organisations, Notifications notifications, java.time.Clock clock) {
        this.store = store;
        this.organisations = organisations;
        this.notifications = notifications;
        this.clock = clock;
    }

    void referralOpened(Case value, String reference, Referral referral) {
        NoticeKind kind = switch (referral.basis()) {
            case ESCALATED -> NoticeKind.ESCALATION_RECEIVED;
            case CONFLICT_OF_INTEREST -> NoticeKind.CONFLICT_OF_INTEREST;
            default -> NoticeKind.REFERRAL_RECEIVED;
        };
        String detail = referral.basis() == ReferralBasis.ESCALATED ? "a step was missed below" : null;
        notice(value, reference, referral.organisation().code(), kind, detail);
    }

    void immediate(Case value, String reference, Set<ImmediateNotice> notices, @Nullable String region) {
        for (ImmediateNotice notice : notices) {
            OrganisationType type =
                    notice == ImmediateNotice.POLICE ? OrganisationType.JUVENILE_POLICE : OrganisationType.COMMISSIONER;
            organisations
                    .receiver(type, null, region, value.hiddenFrom())
                    .ifPresent(receiver -> notice(
                            value,
                            reference,
                            receiver.code(),
                            NoticeKind.IMMEDIATE_ATTENTION,
                            "tell at once: " + notice.name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    /** A reporter wrote: the organisations working the case (not those it is hidden from) are told. */
    void reporterMessage(Case value, String reference, List<Referral> referrals) {
        referrals.stream()
                .filter(Referral::isOpen)
                .map(r -> r.organisation().code())
                .filter(code -> !value.isHiddenFrom(code))
                .distinct()
                .forEach(code -> notice(value, reference, code, NoticeKind.REPORTER_MESSAGE, null));
    }

    /** A signal matched the case: the organisations working it (not those it is hidden from) are told. */
    void signalMatched(Case value, String reference, List<Referral> referrals, String summary) {
        String detail = summary.length() > 200 ? summary.substring(0, 200) : summary.replace('\n', ' ');
        referrals.stream()
                .filter(Referral::isOpen)
                .map(r -> r.organisation().code())
                .filter(code -> !value.isHiddenFrom(code))
                .distinct()
                .forEach(code -> notice(value, reference, code, NoticeKind.SIGNAL_MATCHED, detail));
    }

    /** A close of a case that was high or critical awaits oversight's approval. */
    void closeRequested(Case value, String reference, @Nullable String region) {
        organisations
                .receiver(OrganisationType.COMMISSIONER, null, region, value.hiddenFrom())
                .ifPresent(oversight ->
                        notice(value, reference, oversight.code(), NoticeKind.CLOSE_APPROVAL_REQUESTED, null));
    }

    private void notice(
            Case value, String reference, String organisationCode, NoticeKind kind, @Nullable String detail) {
        notifications.enqueue(new Notice(organisationCode, kind, value.id().value(), reference, detail));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kind", kind.name());
        if (detail != null) {
            entry.put("detail", detail);
        }
        store.timeline(
                value.id().value(), clock.instant(), "notice.sent", null, organisationCode, Actor.system(), entry);
    }
}
