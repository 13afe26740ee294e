package kz.qorgau.bench.escalation;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kz.qorgau.bench.Benchmark;
import kz.qorgau.bench.PostgresServer;
import kz.qorgau.server.casework.EscalationClock;
import kz.qorgau.server.directory.Directory;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.intake.Category;
import kz.qorgau.server.intake.Channel;
import kz.qorgau.server.intake.Intake;
import kz.qorgau.server.intake.NewReport;
import kz.qorgau.server.intake.ReporterRelation;
import kz.qorgau.server.platform.SimulationClock;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code qorgau bench escalation [OPEN [DUE]]} (defaults 1,000,000 and 10,000), on PostgreSQL: the
 * escalation sweep over OPEN open referrals of which DUE become due.
 *
 * <p>The DUE referrals are real: reports filed through intake, opened as cases and referred to a
 * school by the server itself. The other open referrals are bulk rows with deadlines far ahead
 * (their documents are placeholders: a sweep never reads a referral that is not due). Figures: the
 * time of a sweep that escalates one batch of 1,000 due steps with OPEN/10 and with OPEN open
 * referrals, and their ratio (the baseline: the same number due; it should be close to 1 because
 * the sweep reads an index range of due rows only); the same for a sweep that finds nothing due; and
 * the time to escalate DUE overdue steps at OPEN open referrals — each a real transition with its
 * timeline, next referral, notices and ledger entry. 2,000 more reports than DUE are filed for the
 * two one-batch sweeps.
 */
public final class EscalationBenchmark implements Benchmark {

    private static final int EMPTY_SWEEP_RUNS = 201;

    /** Due steps one sweep takes ({@code qorgau.casework.sweep-batch} as the benchmark sets it). */
    private static final int PROBE = 1000;

    @Override
    public Map<String, Object> run(String[] args, PrintStream log) throws Exception {
        int open = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        int due = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 10_000;
        int small = Math.max(due, open / 10);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("openReferrals", open);
        figures.put("dueReferrals", due);
        if (PostgresServer.url() == null) {
            figures.put("postgres", PostgresServer.notConfigured());
            return figures;
        }
        log.println("starting the server on a fresh PostgreSQL schema");
        try (ConfigurableApplicationContext server =
                PostgresServer.start(Map.of("qorgau.casework.sweep-batch", String.valueOf(PROBE)))) {
            JdbcTemplate jdbc = server.getBean(JdbcTemplate.class);
            Directory directory = server.getBean(Directory.class);
            Intake intake = server.getBean(Intake.class);
            EscalationClock escalation = server.getBean(EscalationClock.class);
            SimulationClock clock = (SimulationClock) server.getBean(Clock.class);

            Organisation commissioner =
                    directory.add(organisation("bench-commissioner", OrganisationKind.COMMISSIONER, null, null));
            Organisation education = directory.add(
                    organisation("bench-education", OrganisationKind.DISTRICT_EDUCATION, null, commissioner.code()));
            Organisation school =
                    directory.add(organisation("bench-school", OrganisationKind.SCHOOL, 1, education.code()));

            // Besides the DUE steps timed at the end, one sweep batch is escalated at each size (the
            // baseline: a sweep with the same number due, at OPEN/10 and at OPEN open referrals).
            int filed = due + 2 * PROBE;
            log.printf("filing %d reports that name the school (the due referrals-to-be)%n", filed);
            long filing = System.nanoTime();
            for (int i = 0; i < filed; i++) {
                intake.file(
                        NewReport.about(
                                12,
                                "School No. 1",
                                "Benchcity",
                                Set.of(Category.BULLYING),
                                "bench report " + i,
                                null,
                                ReporterRelation.OTHER,
                                Locale.ENGLISH,
                                Channel.API),
                        null);
                if ((i + 1) % 1000 == 0) {
                    log.printf("  %d filed%n", i + 1);
                }
            }
            long referred;
            do {
                Thread.sleep(500);
                referred = count(jdbc, "select count(*) from referral where organisation_code = 'bench-school'");
                log.printf("  %d of %d cases opened and referred%n", referred, filed);
            } while (referred < filed);
            figures.put("secondsToFileAndOpenDueCases", seconds(System.nanoTime() - filing));

            log.printf("adding %d background open referrals%n", small - due);
            insertBackground(jdbc, small - due, "a", education.code());
            double emptySmall = medianEmptySweepMillis(escalation, log);
            log.println("moving the clock past the school's acknowledgement deadline");
            clock.advance(Duration.ofDays(5));
            double dueSmall = timedSweep(escalation, log, "at " + small + " open");
            log.printf("adding %d more background open referrals%n", open - small);
            insertBackground(jdbc, open - small, "b", education.code());
            double dueLarge = timedSweep(escalation, log, "at " + open + " open");
            figures.put("openReferralsSmall", small);
            figures.put("emptySweepMillisSmall", round(emptySmall));
            figures.put("sweepOfOneBatchDueMillisSmall", round(dueSmall));
            figures.put("sweepOfOneBatchDueMillis", round(dueLarge));
            figures.put("dueSweepRatioLargeToSmall", round(dueLarge / dueSmall));

            log.printf("escalating the remaining %d due steps%n", due);
            long start = System.nanoTime();
            int escalated = escalation.sweepUntilDone();
            long took = System.nanoTime() - start;
            figures.put("escalated", escalated);
            figures.put("secondsToEscalateDue", seconds(took));
            figures.put("escalationsPerSecond", round(escalated / (took / 1e9)));
            double emptyLarge = medianEmptySweepMillis(escalation, log);
            figures.put("emptySweepMillis", round(emptyLarge));
            figures.put("emptySweepRatioLargeToSmall", round(emptyLarge / emptySmall));
            figures.put(
                    "nextRungReferralsOpened",
                    count(
                            jdbc,
                            "select count(*) from referral where organisation_code = 'bench-education' and basis = 'ESCALATED'"));
        }
        return figures;
    }

    private static Organisation organisation(String code, OrganisationKind kind, Integer number, String parent) {
        return new Organisation(
                code, kind, code, code, code, "bench", "Benchcity", number, parent, code + "@bench.qorgau.invalid");
    }

    /** Bulk open referrals (and their cases) with every deadline a year ahead. */
    private static void insertBackground(JdbcTemplate jdbc, int rows, String tag, String organisation) {
        int chunk = 100_000;
        for (int from = 1; from <= rows; from += chunk) {
            int to = Math.min(rows, from + chunk - 1);
            jdbc.update("""
                    insert into safeguarding_case (id, reference, version, status, risk, highest_risk, region, opened_at,
                                                   first_contact_at, updated_at, document_sealed)
                    select md5('case-' || ? || g)::uuid, 'B-' || ? || '-' || g, 1, 'OPEN', 'STANDARD', 'STANDARD', 'bench',
                           now(), now(), now(), '\\x00'::bytea
                    from generate_series(?, ?) g""", tag, tag, from, to);
            jdbc.update("""
                    insert into referral (id, case_id, version, organisation_code, organisation_type, basis,
                        from_referral_id, ladder_origin, ladder_level, state, risk, referred_at, ack_due_at, ack_met_at,
                        action_due_at, action_met_at, outcome_due_at, outcome_met_at, escalated_at, escalation_due_at,
                        document_sealed)
                    select md5('referral-' || ? || g)::uuid, md5('case-' || ? || g)::uuid, 1, ?, 'DISTRICT_EDUCATION',
                           'DIRECT', null, 'DISTRICT_EDUCATION', 0, 'PENDING', 'STANDARD', now(),
                           now() + interval '400 days', null, now() + interval '400 days', null,
                           now() + interval '400 days', null, null, now() + interval '400 days' + (g % 1000) * interval '1 minute',
                           '\\x00'::bytea
                    from generate_series(?, ?) g""", tag, tag, organisation, from, to);
        }
        // Settle the tables before timing (as autovacuum would, later): without it the large run's
        // empty sweeps share the two cores with autovacuum working through the new rows.
        jdbc.execute("vacuum analyze referral");
        jdbc.execute("vacuum analyze safeguarding_case");
    }

    /** One sweep that escalates a full batch: its time in milliseconds. */
    private static double timedSweep(EscalationClock escalation, PrintStream log, String where) {
        long start = System.nanoTime();
        int escalated = escalation.sweep();
        double millis = (System.nanoTime() - start) / 1e6;
        if (escalated != PROBE) {
            throw new IllegalStateException("a sweep " + where + " escalated " + escalated + ", not " + PROBE);
        }
        log.printf("  one sweep of %d due steps %s: %.1f ms%n", PROBE, where, millis);
        return millis;
    }

    private static double medianEmptySweepMillis(EscalationClock escalation, PrintStream log) {
        for (int i = 0; i < 50; i++) {
            escalation.sweep();
        }
        double[] runs = new double[EMPTY_SWEEP_RUNS];
        for (int i = 0; i < runs.length; i++) {
            long start = System.nanoTime();
            int escalated = escalation.sweep();
            runs[i] = (System.nanoTime() - start) / 1e6;
            if (escalated != 0) {
                throw new IllegalStateException("a sweep that should find nothing escalated " + escalated);
            }
        }
        Arrays.sort(runs);
        double median = runs[runs.length / 2];
        log.printf("  empty sweep: median %.3f ms (min %.3f, max %.3f)%n", median, runs[0], runs[runs.length - 1]);
        return median;
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long value = jdbc.queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }

    private static double seconds(long nanos) {
        return round(nanos / 1e9);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
