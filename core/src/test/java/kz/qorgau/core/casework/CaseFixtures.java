package kz.qorgau.core.casework;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import kz.qorgau.core.organisation.Organisation;
import kz.qorgau.core.organisation.OrganisationType;
import kz.qorgau.core.risk.Category;
import kz.qorgau.core.risk.Concern;
import kz.qorgau.core.risk.ConcernFlag;

/**
 * Cases, referrals and people of one region (Qyzylorda) for tests. Every state is built through the
 * real transitions, never by constructing a stored value by hand.
 */
public final class CaseFixtures {

    /** Kazakhstan's calendar with the default policies, ladders and risk model. */
    public static final CaseworkRules RULES = CaseworkRules.defaults();

    public static final Organisation SCHOOL_1 = new Organisation("school-1-qyzylorda", OrganisationType.SCHOOL);
    public static final Organisation SCHOOL_2 = new Organisation("school-2-qyzylorda", OrganisationType.SCHOOL);
    public static final Organisation DISTRICT_EDUCATION =
            new Organisation("education-dept-qyzylorda", OrganisationType.DISTRICT_EDUCATION);
    public static final Organisation JUVENILE_POLICE =
            new Organisation("juvenile-police-qyzylorda", OrganisationType.JUVENILE_POLICE);
    public static final Organisation REGIONAL_POLICE =
            new Organisation("police-dept-qyzylorda-region", OrganisationType.REGIONAL_POLICE);
    public static final Organisation PROSECUTOR = new Organisation("prosecutor-qyzylorda", OrganisationType.PROSECUTOR);
    public static final Organisation SOCIAL_SERVICES =
            new Organisation("social-services-qyzylorda", OrganisationType.SOCIAL_SERVICES);
    public static final Organisation COMMISSIONER =
            new Organisation("commissioner-childrens-rights", OrganisationType.COMMISSIONER);

    private static final AtomicInteger IDS = new AtomicInteger();

    private CaseFixtures() {}

    /** The intake system that files reports from the web form. */
    public static Actor intake() {
        return Actor.system("intake");
    }

    /** The safeguarding lead of school No. 1. */
    public static Actor schoolLead() {
        return new Actor("aigerim.safeguarding", SCHOOL_1.code(), Role.CASE_WORKER);
    }

    /** A supervisor at the district education department. */
    public static Actor educationSupervisor() {
        return new Actor("marat.supervisor", DISTRICT_EDUCATION.code(), Role.SUPERVISOR);
    }

    /** The juvenile police inspector. */
    public static Actor inspector() {
        return new Actor("inspector.bekov", JUVENILE_POLICE.code(), Role.CASE_WORKER);
    }

    /** A case worker at the Commissioner's office, with the oversight role. */
    public static Actor commissionerWorker() {
        return new Actor("dana.commissioner", COMMISSIONER.code(), Role.OVERSIGHT);
    }

    /** A second person at the Commissioner's office, with the oversight role. */
    public static Actor commissionerApprover() {
        return new Actor("yerlan.commissioner", COMMISSIONER.code(), Role.OVERSIGHT);
    }

    /** A fresh deterministic case identifier. */
    public static CaseId caseId() {
        return new CaseId(uuid("case"));
    }

    /** A fresh deterministic referral identifier. */
    public static ReferralId referralId() {
        return new ReferralId(uuid("referral"));
    }

    /** A fresh deterministic report identifier. */
    public static ReportId reportId() {
        return new ReportId(uuid("report"));
    }

    /**
     * A mother's report: her 16-year-old daughter's behaviour changed, grades fell, she stays away at
     * night. High risk (a child away from home at night).
     */
    public static Report reportFromParent(Instant at) {
        return new Report(
                reportId(),
                at,
                new Concern(Set.of(Category.MISSING_FROM_HOME, Category.OTHER), 16, Set.of()),
                List.of());
    }

    /** A report of bullying at school: standard risk. */
    public static Report reportOfBullying(Instant at) {
        return new Report(reportId(), at, new Concern(Set.of(Category.BULLYING), 12, Set.of()), List.of());
    }

    /** A report of sexual exploitation with intimate images used as leverage: critical. */
    public static Report reportOfExploitation(Instant at) {
        return new Report(
                reportId(),
                at,
                new Concern(Set.of(Category.SEXUAL_EXPLOITATION), 16, Set.of(ConcernFlag.INTIMATE_IMAGES)),
                List.of());
    }

    /** A case opened from a report by the intake system. */
    public static Case caseFrom(Report report) {
        return Case.open(
                        caseId(),
                        new Child("A.", 16, "School No. 1", "Qyzylorda"),
                        report,
                        intake(),
                        report.receivedAt(),
                        RULES)
                .after();
    }

    /** A case opened from the report and referred to an organisation by the intake system at the report's time. */
    public static Referral referredTo(Case aCase, Organisation to) {
        return opened(
                aCase.refer(referralId(), to, "named in the report", intake(), aCase.openedAt(), List.of(), RULES));
    }

    /** The referral of an opening outcome, failing the test on a refusal. */
    public static Referral opened(OpeningOutcome outcome) {
        return switch (outcome) {
            case ReferralOpened opened -> opened.referral();
            case Refused refused -> throw new AssertionError("refused: " + refused);
        };
    }

    /** The change of a referral outcome, failing the test on a refusal. */
    public static ReferralChanged changed(ReferralOutcome outcome) {
        return switch (outcome) {
            case ReferralChanged changed -> changed;
            case Refused refused -> throw new AssertionError("refused: " + refused);
        };
    }

    /** The change of a case outcome, failing the test on a refusal. */
    public static CaseChanged changed(CaseOutcome outcome) {
        return switch (outcome) {
            case CaseChanged changed -> changed;
            case Refused refused -> throw new AssertionError("refused: " + refused);
        };
    }

    /** The refusal of an outcome, failing the test if it was not refused. */
    public static Refused refused(Object outcome) {
        if (outcome instanceof Refused refused) {
            return refused;
        }
        throw new AssertionError("expected a refusal, got " + outcome);
    }

    private static UUID uuid(String kind) {
        return UUID.nameUUIDFromBytes((kind + "-" + IDS.incrementAndGet()).getBytes(StandardCharsets.UTF_8));
    }
}
