package kz.qorgau.server.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.qorgau.core.casework.CaseworkRules;
import kz.qorgau.server.audit.AuditTrail;
import kz.qorgau.server.platform.BatchedWrites;
import kz.qorgau.server.platform.SimulationClock;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Each overdue step is escalated exactly once: with two schedulers sweeping the same database at the
 * same moment, and again after a "restart" (a scheduler with nothing in memory). The periodic sweep is
 * slowed to an hour and the clock is moved without the event that sweeps at once, so that only the
 * test's schedulers run.
 */
@QorgauIntegrationTest
@TestPropertySource(properties = {"qorgau.test.isolation=exactly-once", "qorgau.casework.sweep-interval=1h"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EscalationExactlyOnceIT {

    static final int CASES = 24;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CaseStore store;

    @Autowired
    Casework casework;

    @Autowired
    CaseworkRules rules;

    @Autowired
    AuditTrail audit;

    @Autowired
    CaseworkSettings settings;

    @Autowired
    TaskScheduler scheduler;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    @Autowired
    BatchedWrites writes;

    private EscalationClock newScheduler() {
        return new EscalationClock(
                jdbc, store, casework, rules, audit, settings, scheduler, transactions, clock, writes);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void twoSchedulersAndARestartEscalateEachOverdueStepOnce() throws Exception {
        Fixtures.Region region = fixtures.region();
        Http http = new Http(port);
        for (int i = 0; i < CASES; i++) {
            Http.Response filed = http.postJson(
                    "/api/v1/reports",
                    Http.json(Map.of(
                            "school",
                            "Школа № " + region.school().schoolNumber(),
                            "city",
                            region.city(),
                            "categories",
                            List.of("bullying"),
                            "narrative",
                            "case " + i)));
            assertThat(filed.status()).isEqualTo(201);
        }
        String school = region.school().code();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> count("select count(*) from referral where organisation_code = ?", school) == CASES);
        long ledgerBefore = count("select count(*) from ledger_entries where entry_type = 'referral.escalated'");

        // Past the acknowledgement deadline (1 working day) without the event that sweeps at once.
        ((SimulationClock) clock).advance(Duration.ofDays(5));
        EscalationClock first = newScheduler();
        EscalationClock second = newScheduler();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> sweeps = List.of(first::sweepUntilDone, second::sweepUntilDone);
            List<Integer> escalated = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(sweeps)) {
                escalated.add(result.get());
            }
            assertThat(escalated.get(0) + escalated.get(1)).isEqualTo(CASES);
        } finally {
            pool.shutdown();
        }

        assertThat(count("select count(*) from referral where organisation_code = ? and state = 'ESCALATED'", school))
                .isEqualTo(CASES);
        assertThat(count(
                        "select count(*) from referral where organisation_code = ?",
                        region.education().code()))
                .isEqualTo(CASES);
        assertThat(count(
                        "select count(*) from case_timeline t join referral r on r.id = t.referral_id"
                                + " where r.organisation_code = ? and t.kind = 'referral.escalated'",
                        school))
                .isEqualTo(CASES);
        assertThat(count("select count(*) from ledger_entries where entry_type = 'referral.escalated'") - ledgerBefore)
                .isEqualTo(CASES);
        // Each escalation tells the receiving organisation once, with a delivery (or an undeliverable
        // record) for each notice.
        assertThat(count(
                        "select count(*) from notify_notice where organisation_code = ? and kind = 'ESCALATION_RECEIVED'",
                        region.education().code()))
                .isEqualTo(CASES);
        assertThat(count(
                        "select count(*) from notify_notice n where n.organisation_code = ? and n.kind ="
                                + " 'ESCALATION_RECEIVED' and not exists (select 1 from notify_delivery d where"
                                + " d.notice_id = n.id)",
                        region.education().code()))
                .isZero();

        // A restart: a scheduler that remembers nothing finds nothing left to escalate at the school.
        assertThat(count(
                        "select count(*) from referral where organisation_code = ? and escalation_due_at <= ?",
                        school,
                        kz.qorgau.server.platform.SqlTime.bind(clock.instant())))
                .isZero();
        newScheduler().sweepUntilDone();
        assertThat(count(
                        "select count(*) from referral where organisation_code = ?",
                        region.education().code()))
                .isEqualTo(CASES);
        assertThat(count("select count(*) from ledger_entries where entry_type = 'referral.escalated'") - ledgerBefore)
                .isEqualTo(CASES);
    }
}
