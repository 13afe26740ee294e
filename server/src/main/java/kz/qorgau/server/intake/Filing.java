package kz.qorgau.server.intake;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What filing a report came to. */
public sealed interface Filing {

    UUID reportId();

    String reference();

    Instant submittedAt();

    /**
     * The report was committed; {@code receipt} is shown now and never again.
     *
     * @param ledgerIndex the index of the report's entry in the tamper-evident ledger
     */
    record Filed(
            UUID reportId,
            String reference,
            String receipt,
            Instant submittedAt,
            @Nullable Long ledgerIndex) implements Filing {}

    /** The same submission (same form token) was filed before; its receipt was shown then. */
    record AlreadyFiled(UUID reportId, String reference, Instant submittedAt) implements Filing {}
}
