package kz.qorgau.server.audit;

import java.time.Clock;
import java.util.Optional;
import kz.qorgau.ledger.Checkpoint;
import kz.qorgau.ledger.Hash;
import kz.qorgau.ledger.LogProofs;
import kz.qorgau.server.platform.SqlTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Signs a checkpoint of the ledger every {@code qorgau.ledger.checkpoint-interval} (60 s by default)
 * when it grew, and stores it. Several instances may sign the same size: Ed25519 signatures are
 * deterministic and the size is the key, so they store one row.
 */
@Component
class Checkpointer {

    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

    private final JdbcClient jdbc;
    private final LedgerWriter writer;
    private final LedgerKeys keys;
    private final LedgerSettings settings;
    private final TaskScheduler scheduler;
    private final Clock clock;

    Checkpointer(
            JdbcClient jdbc,
            LedgerWriter writer,
            LedgerKeys keys,
            LedgerSettings settings,
            TaskScheduler scheduler,
            Clock clock) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.keys = keys;
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        scheduler.scheduleWithFixedDelay(this::signSafely, settings.checkpointInterval());
    }

    private void signSafely() {
        try {
            signIfGrown();
        } catch (RuntimeException e) {
            log.warn("signing a ledger checkpoint failed; the next run retries: {}", e.toString());
        }
    }

    /**
     * Signs and stores a checkpoint of the committed log if it grew since the last one. Runs without a
     * transaction: every read sees committed rows only, and an insert that loses a race with another
     * instance fails alone.
     */
    public Optional<String> signIfGrown() {
        long size = writer.size();
        long latest = jdbc.sql("select coalesce(max(size), 0) from ledger_checkpoints")
                .query(Long.class)
                .single();
        if (size == 0 || size <= latest) {
            return Optional.empty();
        }
        Hash root = LogProofs.rootAt(writer.store(), size, size);
        String note = Checkpoint.of(settings.origin(), size, root).sign(keys.signer());
        try {
            jdbc.sql("insert into ledger_checkpoints (size, note, signed_at) values (?, ?, ?)")
                    .params(size, note, SqlTime.bind(clock.instant()))
                    .update();
        } catch (DuplicateKeyException anotherInstanceSignedIt) {
            return Optional.empty();
        }
        return Optional.of(note);
    }

    /** The newest stored checkpoint; signs the first one if there is none yet. */
    public Optional<String> latest() {
        Optional<String> stored = jdbc.sql("select note from ledger_checkpoints order by size desc limit 1")
                .query(String.class)
                .optional();
        return stored.isPresent() ? stored : signIfGrown();
    }
}
