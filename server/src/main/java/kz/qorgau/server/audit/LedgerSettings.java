package kz.qorgau.server.audit;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code qorgau.ledger}.
 *
 * @param origin the log's name in its checkpoints and the signing key's name; one per deployment,
 *     e.g. {@code qorgau.example.kz/ledger}
 * @param signerKey the Ed25519 signer key in Go's note format ({@code PRIVATE+KEY+…}); generated into
 *     {@code data/keys/ledger-signer.key} when absent
 * @param pseudonymKey base64 HMAC key that turns case ids into pseudonyms; generated when absent
 * @param checkpointInterval how often a checkpoint is signed when the log grew
 */
@ConfigurationProperties("qorgau.ledger")
record LedgerSettings(
        @DefaultValue("qorgau.example.kz/ledger") String origin,
        @Nullable String signerKey,
        @Nullable String pseudonymKey,
        @DefaultValue("60s") Duration checkpointInterval) {}
