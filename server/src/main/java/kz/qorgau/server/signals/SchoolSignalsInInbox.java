package kz.qorgau.server.signals;

import java.time.Clock;
import java.util.List;
import kz.qorgau.server.casework.InboxNotices;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.platform.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts the school's open early-warning signals at the top of its safeguarding lead's inbox: how many
 * wait for a decision and whether one is past its decision date (when it goes up to the district
 * education department). The students themselves are on {@code /staff/signals}, where opening them is
 * recorded in the ledger.
 */
@Component
class SchoolSignalsInInbox implements InboxNotices {

    private final JdbcClient jdbc;
    private final Clock clock;

    SchoolSignalsInInbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Notice> forMember(StaffMember member) {
        boolean lead = member.organisationKind() == OrganisationKind.SCHOOL
                && (member.role() == Role.CASE_WORKER || member.role() == Role.SUPERVISOR);
        if (!lead) {
            return List.of();
        }
        record Open(long count, long overdue) {}
        Open open = jdbc.sql("""
                        select count(*), coalesce(sum(case when decide_by < ? then 1 else 0 end), 0)
                        from school_signal where school_code = ? and state = 'OPEN'""")
                .params(SqlTime.bind(clock.instant()), member.organisationCode())
                .query((rs, n) -> new Open(rs.getLong(1), rs.getLong(2)))
                .single();
        if (open.count() == 0) {
            return List.of();
        }
        return List.of(new Notice(
                open.overdue() > 0 ? "sig.inbox.schoolOverdue" : "sig.inbox.school",
                List.of(open.count(), open.overdue()),
                "/staff/signals",
                open.overdue() > 0));
    }
}
