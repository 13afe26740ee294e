package kz.qorgau.core.casework;

import java.util.Objects;
import kz.qorgau.core.calendar.WorkingCalendar;
import kz.qorgau.core.escalation.EscalationLadders;
import kz.qorgau.core.policy.DeadlinePolicies;
import kz.qorgau.core.risk.RiskModel;

/**
 * The configuration every casework transition reads: the calendar, the deadline policies, the
 * escalation ladders and the risk model. The server builds one from its settings.
 *
 * @param calendar the working-day calendar
 * @param policies the deadline policies
 * @param ladders the escalation ladders
 * @param riskModel the risk model for new reports
 */
public record CaseworkRules(
        WorkingCalendar calendar, DeadlinePolicies policies, EscalationLadders ladders, RiskModel riskModel) {

    /** Checks the fields. */
    public CaseworkRules {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(ladders, "ladders");
        Objects.requireNonNull(riskModel, "riskModel");
    }

    /** Kazakhstan's calendar with the default policies, ladders and risk model. */
    public static CaseworkRules defaults() {
        return new CaseworkRules(
                WorkingCalendar.kazakhstan(),
                DeadlinePolicies.current(),
                EscalationLadders.current(),
                RiskModel.current());
    }
}
