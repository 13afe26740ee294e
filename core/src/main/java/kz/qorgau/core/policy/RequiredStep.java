package kz.qorgau.core.policy;

/** The steps every referral requires, each on its own deadline. */
public enum RequiredStep {
    /** The organisation confirms it has received the referral and someone is responsible. */
    ACKNOWLEDGE,
    /** The first protective action: a visit, an interview, a protective measure, a statement taken… */
    FIRST_PROTECTIVE_ACTION,
    /** The organisation records what came of the referral. */
    OUTCOME
}
