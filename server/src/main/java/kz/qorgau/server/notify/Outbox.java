package kz.qorgau.server.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.server.platform.BatchedWrites;
import kz.qorgau.server.platform.SqlTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox tables ({@code notify_notice}, {@code notify_delivery}). Every method runs in the
 * caller's transaction; {@link #claim} needs one that lasts until its result has been recorded as
 * claimed, which its caller ensures.
 */
@Component
class Outbox {

    static final int MAX_ERROR = 500;

    private final JdbcClient jdbc;
    private final BatchedWrites writes;

    Outbox(JdbcClient jdbc, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** A delivery claimed for sending, with its notice. {@code attempt} counts this one. */
    record Claim(
            UUID id,
            DeliveryChannel channel,
            String recipient,
            @Nullable UUID webhookId,
            int attempt,
            UUID noticeId,
            NoticeKind kind,
            String organisationCode,
            UUID caseId,
            String caseReference,
            @Nullable String detail,
            Instant noticeCreatedAt) {}

    /** Inserts a notice; in a transaction that defers its writes ({@link BatchedWrites}), at commit. */
    void insertNotice(UUID id, Notice notice, Instant now) {
        writes.write(
                """
                insert into notify_notice (id, organisation_code, kind, case_id, case_reference, detail, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""",
                new Object[] {
                    id,
                    notice.organisationCode(),
                    notice.kind().name(),
                    notice.caseId(),
                    notice.caseReference(),
                    notice.detail(),
                    SqlTime.bind(now)
                },
                false,
                () -> "");
    }

    /** Inserts a delivery; in a transaction that defers its writes ({@link BatchedWrites}), at commit. */
    void insertDelivery(
            UUID noticeId,
            DeliveryChannel channel,
            String recipient,
            @Nullable UUID webhookId,
            DeliveryState state,
            @Nullable Instant nextAttemptAt,
            @Nullable String lastError,
            Instant now) {
        writes.write(
                """
                insert into notify_delivery (id, notice_id, channel, recipient, webhook_id, state, attempts,
                                             next_attempt_at, last_error, created_at)
                values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""",
                new Object[] {
                    UUID.randomUUID(),
                    noticeId,
                    channel.name(),
                    recipient,
                    webhookId,
                    state.name(),
                    SqlTime.bind(nextAttemptAt),
                    truncate(lastError),
                    SqlTime.bind(now)
                },
                false,
                () -> "");
    }

    boolean hasDelivery(UUID noticeId, DeliveryChannel channel, String recipient) {
        return jdbc.sql("select count(*) from notify_delivery where notice_id = ? and channel = ? and recipient = ?")
                        .params(noticeId, channel.name(), recipient)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Claims up to {@code limit} deliveries due at {@code now}: locks them with {@code FOR UPDATE SKIP
     * LOCKED} (rows another transaction is claiming are passed over, not waited for), counts the
     * attempt and reserves them until {@code leaseUntil}. Once this transaction commits, no other
     * claim sees them until the lease ends. Reads only due rows, through {@code notify_delivery_due}:
     * O(limit) when no other claim is in progress, whatever the size of the outbox.
     */
    List<Claim> claim(Instant now, int limit, Instant leaseUntil) {
        // No ORDER BY: H2 would then lock every due row while sorting, not only those claimed, and a
        // second dispatcher would find nothing to do. The range scan of notify_delivery_due yields the
        // rows oldest-due first in practice, and a run claims every due row anyway.
        List<UUID> ids =
                jdbc.sql("""
                        select id from notify_delivery
                        where next_attempt_at <= ? and state = 'PENDING'
                        limit ?
                        for update skip locked""").params(SqlTime.bind(now), limit).query(UUID.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        jdbc.sql("update notify_delivery set attempts = attempts + 1, next_attempt_at = :lease where id in (:ids)")
                .param("lease", SqlTime.bind(leaseUntil))
                .param("ids", ids)
                .update();
        return jdbc.sql("""
                        select d.id, d.channel, d.recipient, d.webhook_id, d.attempts, n.id as notice_id, n.kind,
                               n.organisation_code, n.case_id, n.case_reference, n.detail, n.created_at
                        from notify_delivery d join notify_notice n on n.id = d.notice_id
                        where d.id in (:ids)
                        order by d.next_attempt_at, d.id""")
                .param("ids", ids)
                .query((rs, row) -> new Claim(
                        rs.getObject("id", UUID.class),
                        DeliveryChannel.valueOf(rs.getString("channel")),
                        rs.getString("recipient"),
                        rs.getObject("webhook_id", UUID.class),
                        rs.getInt("attempts"),
                        rs.getObject("notice_id", UUID.class),
                        NoticeKind.valueOf(rs.getString("kind")),
                        rs.getString("organisation_code"),
                        rs.getObject("case_id", UUID.class),
                        rs.getString("case_reference"),
                        rs.getString("detail"),
                        SqlTime.require(rs, "created_at")))
                .list();
    }

    // The results below apply only to the claim they answer (same attempt, still pending): if a lease
    // ran out and another instance claimed the row again, a late result does not overwrite its work.

    boolean recordSent(Claim claim, Instant at) {
        return jdbc.sql("""
                        update notify_delivery set state = 'SENT', sent_at = ?, next_attempt_at = null, last_error = null
                        where id = ? and attempts = ? and state = 'PENDING'""")
                        .params(SqlTime.bind(at), claim.id(), claim.attempt())
                        .update()
                == 1;
    }

    boolean recordRetry(Claim claim, Instant next, String error) {
        return jdbc.sql("""
                        update notify_delivery set next_attempt_at = ?, last_error = ?
                        where id = ? and attempts = ? and state = 'PENDING'""")
                        .params(SqlTime.bind(next), truncate(error), claim.id(), claim.attempt())
                        .update()
                == 1;
    }

    boolean recordFailed(Claim claim, String error) {
        return jdbc.sql("""
                        update notify_delivery set state = 'FAILED', next_attempt_at = null, last_error = ?
                        where id = ? and attempts = ? and state = 'PENDING'""")
                        .params(truncate(error), claim.id(), claim.attempt())
                        .update()
                == 1;
    }

    /** Puts an e-mail back on hold without counting the attempt (SMTP is not configured here). */
    boolean recordHeld(Claim claim, String reason) {
        return jdbc.sql("""
                        update notify_delivery set attempts = attempts - 1, next_attempt_at = null, last_error = ?
                        where id = ? and attempts = ? and state = 'PENDING'""")
                        .params(truncate(reason), claim.id(), claim.attempt())
                        .update()
                == 1;
    }

    /** Pending e-mails are held (not due) while SMTP is not configured. */
    int holdEmails(String reason) {
        return jdbc.sql("""
                        update notify_delivery set next_attempt_at = null, last_error = ?
                        where channel = 'EMAIL' and state = 'PENDING' and next_attempt_at is not null""").param(truncate(reason)).update();
    }

    /** Held e-mails become due now that SMTP is configured. */
    int releaseHeldEmails(Instant now) {
        return jdbc.sql("""
                        update notify_delivery set next_attempt_at = ?, last_error = null
                        where channel = 'EMAIL' and state = 'PENDING' and next_attempt_at is null""").param(SqlTime.bind(now)).update();
    }

    /** Makes a FAILED delivery due again with a fresh count of attempts. */
    boolean requeue(UUID id, Instant now, String note) {
        return jdbc.sql("""
                        update notify_delivery set state = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = ?
                        where id = ? and state = 'FAILED' and channel <> 'NONE'""").params(SqlTime.bind(now), truncate(note), id).update() == 1;
    }

    void annotate(UUID id, String note) {
        jdbc.sql("update notify_delivery set last_error = ? where id = ?")
                .params(truncate(note), id)
                .update();
    }

    private static final String VIEW = """
            select d.id, d.notice_id, n.kind, n.organisation_code, n.case_id, n.case_reference, d.channel, d.state,
                   d.attempts, d.next_attempt_at, d.last_error, d.created_at, d.sent_at
            from notify_delivery d join notify_notice n on n.id = d.notice_id
            """;

    Optional<NoticeDelivery> delivery(UUID id) {
        return jdbc.sql(VIEW + " where d.id = ?").param(id).query(Outbox::view).optional();
    }

    List<NoticeDelivery> ofCase(UUID caseId) {
        return jdbc.sql(VIEW + " where n.case_id = ? order by n.created_at, d.created_at, d.channel, d.id")
                .param(caseId)
                .query(Outbox::view)
                .list();
    }

    List<NoticeDelivery> list(@Nullable DeliveryState state, @Nullable String organisationCode, int limit) {
        return jdbc.sql(VIEW + """
                         where (cast(:state as varchar(16)) is null or d.state = :state)
                           and (cast(:organisation as varchar(64)) is null or n.organisation_code = :organisation)
                        order by d.created_at desc, d.id
                        limit :limit""")
                .param("state", state == null ? null : state.name())
                .param("organisation", organisationCode)
                .param("limit", limit)
                .query(Outbox::view)
                .list();
    }

    /** The notice a delivery belongs to, as enqueued. */
    Optional<Notice> notice(UUID noticeId) {
        return jdbc.sql("select * from notify_notice where id = ?")
                .param(noticeId)
                .query((rs, row) -> new Notice(
                        rs.getString("organisation_code"),
                        NoticeKind.valueOf(rs.getString("kind")),
                        rs.getObject("case_id", UUID.class),
                        rs.getString("case_reference"),
                        rs.getString("detail")))
                .optional();
    }

    private static NoticeDelivery view(ResultSet rs, int row) throws SQLException {
        return new NoticeDelivery(
                rs.getObject("id", UUID.class),
                rs.getObject("notice_id", UUID.class),
                NoticeKind.valueOf(rs.getString("kind")),
                rs.getString("organisation_code"),
                rs.getObject("case_id", UUID.class),
                rs.getString("case_reference"),
                DeliveryChannel.valueOf(rs.getString("channel")),
                DeliveryState.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                SqlTime.read(rs, "next_attempt_at"),
                rs.getString("last_error"),
                SqlTime.require(rs, "created_at"),
                SqlTime.read(rs, "sent_at"));
    }

    static @Nullable String truncate(@Nullable String text) {
        if (text == null || text.length() <= MAX_ERROR) {
            return text;
        }
        return text.substring(0, MAX_ERROR - 1) + "…";
    }
}
