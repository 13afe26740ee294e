package kz.qorgau.core.risk;

import java.util.List;
import java.util.Objects;

/**
 * The risk level the model gives a concern, with the names of the rules that fired.
 *
 * @param level the highest level any fired rule asked for, {@link RiskLevel#STANDARD} if none fired
 * @param reasons the names of the rules that fired, in model order; empty for a plain standard case
 */
public record RiskAssessment(RiskLevel level, List<String> reasons) {

    /** Copies the reasons. */
    public RiskAssessment {
        Objects.requireNonNull(level, "level");
        reasons = List.copyOf(reasons);
    }

    /** The reasons as one line, e.g. for the risk version's reason. */
    public String explanation() {
        return reasons.isEmpty() ? "risk model: no rule raised the level" : "risk model: " + String.join(", ", reasons);
    }
}
