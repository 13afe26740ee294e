package kz.qorgau.signals.school;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The versioned thresholds and weights of the school detectors. The bundled version is
 * {@code school-signals-v1.json} next to this class; a school or district may load its own with
 * {@link #fromJson(InputStream)}. Every flagged student carries the {@link #version()} it was scored
 * with, so a result can always be traced back to the rules that produced it.
 *
 * @param version name of this configuration, e.g. {@code school-signals/1}
 * @param schoolYear the default school year, used when no year is given
 * @param limits size limits on input
 * @param absenceRise thresholds of the unexcused-absence change test
 * @param weekdayPattern thresholds of the same-weekday absence test
 * @param firstLessonPattern thresholds of the first-lesson absence test
 * @param gradeDecline thresholds of the decline-across-subjects test
 * @param longExcusedAbsence the run of excused days that is noted weakly
 * @param weights per signal kind (detector names and observation kinds), in [0, 1]
 * @param families groups of kinds that are not independent of each other; every weighted kind is in
 *     exactly one family
 * @param familyDecay per family, the factor applied to the second, third… kind within the family
 * @param repeatDecay the factor applied to the second, third… signal of one kind
 * @param flagThreshold the combined score at or above which a student is flagged
 */
public record SchoolSignalsConfig(
        String version,
        SchoolYearDefault schoolYear,
        Limits limits,
        AbsenceRise absenceRise,
        WeekdayPattern weekdayPattern,
        FirstLessonPattern firstLessonPattern,
        GradeDecline gradeDecline,
        LongExcusedAbsence longExcusedAbsence,
        Map<String, Double> weights,
        Map<String, List<String>> families,
        Map<String, Double> familyDecay,
        double repeatDecay,
        double flagThreshold) {

    /** Name of the bundled configuration resource, relative to this class. */
    public static final String BUNDLED_RESOURCE = "school-signals-v1.json";

    /** Kinds produced by the detectors (observation kinds come from the configuration). */
    public static final Set<String> DETECTOR_KINDS = Set.of(
            Signal.ABSENCE_RISE,
            Signal.WEEKDAY_PATTERN,
            Signal.FIRST_LESSON_PATTERN,
            Signal.LONG_EXCUSED_ABSENCE,
            Signal.GRADE_DECLINE);

    /** Validates the configuration; a bad file fails at load with the field to fix. */
    public SchoolSignalsConfig {
        require(version != null && !version.isBlank(), "version must be set, e.g. \"school-signals/1\"");
        require(schoolYear != null, "schoolYear must be set");
        require(limits != null, "limits must be set");
        require(absenceRise != null, "absenceRise must be set");
        require(weekdayPattern != null, "weekdayPattern must be set");
        require(firstLessonPattern != null, "firstLessonPattern must be set");
        require(gradeDecline != null, "gradeDecline must be set");
        require(longExcusedAbsence != null, "longExcusedAbsence must be set");
        require(
                weights != null && families != null && familyDecay != null,
                "weights, families and familyDecay must be set");
        weights = Map.copyOf(weights);
        families = Map.copyOf(families);
        familyDecay = Map.copyOf(familyDecay);
        Map<String, String> familyOf = new HashMap<>();
        for (var family : families.entrySet()) {
            require(
                    familyDecay.containsKey(family.getKey()),
                    "familyDecay has no entry for family '" + family.getKey() + "'");
            for (String kind : family.getValue()) {
                String previous = familyOf.put(kind, family.getKey());
                require(
                        previous == null,
                        "kind '" + kind + "' is in two families: " + previous + " and " + family.getKey());
            }
        }
        for (var weight : weights.entrySet()) {
            require(
                    weight.getValue() >= 0 && weight.getValue() <= 1,
                    "weights." + weight.getKey() + " must be in [0, 1]");
            require(familyOf.containsKey(weight.getKey()), "kind '" + weight.getKey() + "' has a weight but no family");
        }
        for (String kind : DETECTOR_KINDS) {
            require(weights.containsKey(kind), "weights." + kind + " is missing");
        }
        for (String kind : familyOf.keySet()) {
            require(weights.containsKey(kind), "kind '" + kind + "' is in a family but has no weight");
        }
        for (var decay : familyDecay.entrySet()) {
            require(
                    decay.getValue() >= 0 && decay.getValue() <= 1,
                    "familyDecay." + decay.getKey() + " must be in [0, 1]");
        }
        require(repeatDecay >= 0 && repeatDecay <= 1, "repeatDecay must be in [0, 1]");
        require(flagThreshold > 0 && flagThreshold <= 1, "flagThreshold must be in (0, 1]");
    }

    /** The configuration shipped with this library ({@value #BUNDLED_RESOURCE}). */
    public static SchoolSignalsConfig bundled() {
        try (InputStream in = SchoolSignalsConfig.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + BUNDLED_RESOURCE + " is missing from the signals jar");
            }
            return fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a configuration in the format of {@value #BUNDLED_RESOURCE}. Unknown fields are an
     * error, so that a misspelt threshold is not silently ignored.
     *
     * @throws IllegalArgumentException naming the field at fault
     */
    public static SchoolSignalsConfig fromJson(InputStream json) {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .build();
        try {
            return mapper.readValue(json, SchoolSignalsConfig.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    "school signals configuration is not valid at " + e.getPathReference() + ": "
                            + e.getOriginalMessage(),
                    e);
        }
    }

    /** The weight of a kind, or 0 when the kind is not weighted. */
    public double weight(String kind) {
        return weights.getOrDefault(kind, 0.0);
    }

    /** Whether observations of this kind are accepted (every weighted non-detector kind is). */
    public boolean isObservationKind(String kind) {
        return weights.containsKey(kind) && !DETECTOR_KINDS.contains(kind);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("school signals configuration: " + message);
        }
    }

    /**
     * The school year used when none is given and none can be inferred from the data: from
     * start month/day to end month/day of the next calendar year.
     *
     * @param startMonth month the year starts (9 = September)
     * @param startDay day of month it starts
     * @param endMonth month it ends (5 = May)
     * @param endDay day of month it ends
     */
    public record SchoolYearDefault(int startMonth, int startDay, int endMonth, int endDay) {}

    /**
     * Size limits on input; a row beyond a limit is rejected with a message naming the limit.
     *
     * @param maxFieldLength longest accepted field, in characters
     * @param maxNoteLength longest accepted observation note, in characters
     * @param maxLessonsPerDay highest lesson number; at most 16 (the per-day record is a bit mask)
     * @param maxStudents students per scan
     * @param maxSubjects distinct subjects per scan
     * @param maxGradesPerStudent marks per student per scan
     * @param maxObservationsPerStudent observations per student per scan
     * @param maxScore largest accepted {@code max_score}
     * @param maxRowsPerFile rows read from one file before the rest is rejected
     * @param yearInferenceSample attendance rows looked at to infer the school year
     */
    public record Limits(
            int maxFieldLength,
            int maxNoteLength,
            int maxLessonsPerDay,
            int maxStudents,
            int maxSubjects,
            int maxGradesPerStudent,
            int maxObservationsPerStudent,
            double maxScore,
            long maxRowsPerFile,
            int yearInferenceSample) {
        /** Validates the limits. */
        public Limits {
            require(maxLessonsPerDay >= 1 && maxLessonsPerDay <= 16, "limits.maxLessonsPerDay must be in 1..16");
            require(maxFieldLength >= 16, "limits.maxFieldLength must be at least 16");
            require(
                    maxStudents >= 1 && maxSubjects >= 1 && maxSubjects <= 1023,
                    "limits.maxStudents >= 1 and limits.maxSubjects in 1..1023");
            require(
                    maxGradesPerStudent >= 1 && maxObservationsPerStudent >= 1,
                    "limits.maxGradesPerStudent and maxObservationsPerStudent must be positive");
            require(maxScore > 0 && maxScore <= 10000, "limits.maxScore must be in (0, 10000]");
            require(
                    maxRowsPerFile >= 1 && yearInferenceSample >= 1,
                    "limits.maxRowsPerFile and yearInferenceSample must be positive");
        }
    }

    /**
     * The unexcused-absence change test (see {@code docs/school-signals.md}).
     *
     * @param minDaysBefore school days before a candidate change date
     * @param minDaysAfter school days after it
     * @param minLikelihoodRatio smallest generalized likelihood-ratio statistic (2 log LR, maximised
     *     over change dates)
     * @param minRateIncrease smallest rise of the share of days with an unexcused absence
     * @param minRateRatio smallest after/before ratio of that share
     * @param minIncreaseOverClass smallest excess of the student's later rate over the earlier rate
     *     raised by the rest of the class's rise over the same days
     * @param maxPValueOverClass largest binomial tail probability of the later absence days at the
     *     student's earlier rate raised by the rest of the class's rise over the same days
     * @param minGainForAnEnd how much larger the statistic of a rise that has ended must be than that
     *     of an open-ended one before the rise is reported as ended; such a rise must also reach
     *     {@code minLikelihoodRatio + minGainForAnEnd}, since two change points were searched
     * @param fullStrengthDaysForAnEnd school days a rise that has ended must have lasted for full
     *     strength; a shorter one is weighted by its length
     * @param fullStrengthIncrease rise at which the signal has full strength
     */
    public record AbsenceRise(
            int minDaysBefore,
            int minDaysAfter,
            double minLikelihoodRatio,
            double minRateIncrease,
            double minRateRatio,
            double minIncreaseOverClass,
            double maxPValueOverClass,
            double minGainForAnEnd,
            int fullStrengthDaysForAnEnd,
            double fullStrengthIncrease) {}

    /**
     * The same-weekday absence test.
     *
     * @param minAbsentDays smallest number of absence days on that weekday
     * @param maxPValue largest binomial tail probability, before correcting for the weekdays tested
     * @param minRateRatio smallest ratio of the weekday's rate to the expected rate
     * @param minRateIncrease smallest excess of the weekday's rate over the expected rate
     */
    public record WeekdayPattern(int minAbsentDays, double maxPValue, double minRateRatio, double minRateIncrease) {}

    /**
     * The first-lesson absence test over partly attended days.
     *
     * @param minAbsences smallest number of missed first lessons
     * @param maxPValue largest binomial tail probability
     * @param minRateRatio smallest ratio of missed first lessons to the number expected
     */
    public record FirstLessonPattern(int minAbsences, double maxPValue, double minRateRatio) {}

    /**
     * The decline-across-subjects test on marks standardized within class, subject and month.
     *
     * @param minMarksBefore marks before a candidate change date
     * @param minMarksAfter marks after it
     * @param minMarksPerSubjectSide marks on each side for a subject to count as falling or not
     * @param minT smallest two-sample t statistic (maximised over change dates)
     * @param minMeanDrop smallest drop of the mean standardized mark
     * @param subjectDrop drop at which one subject counts as falling
     * @param minSubjectsFalling smallest number of falling subjects
     * @param minShareFalling smallest share of subjects with enough marks that are falling
     * @param fullStrengthDrop mean drop at which the signal has full strength
     * @param monthShrinkage pseudo-count pulling a thin month's class mean towards the year's
     * @param minClassSpread floor of a class's standard deviation (as a fraction of the maximum)
     */
    public record GradeDecline(
            int minMarksBefore,
            int minMarksAfter,
            int minMarksPerSubjectSide,
            double minT,
            double minMeanDrop,
            double subjectDrop,
            int minSubjectsFalling,
            double minShareFalling,
            double fullStrengthDrop,
            double monthShrinkage,
            double minClassSpread) {}

    /**
     * A run of consecutive fully excused school days that is noted weakly (illness is not truancy).
     *
     * @param minSchoolDays the shortest such run
     */
    public record LongExcusedAbsence(int minSchoolDays) {}
}
