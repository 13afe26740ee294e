package kz.qorgau.server.platform;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An administrator changed the field keyset (added a key, made one primary). Carries key ids only,
 * never key material, so the ledger may record it.
 *
 * @param change {@code key.added}, {@code key.promoted} or {@code key.rotated}
 * @param keyId the key added or promoted
 * @param keys the keyset after the change
 * @param by the authenticated principal who asked (a staff member), for the ledger's actor
 */
public record FieldKeysetChanged(
        String change,
        long keyId,
        List<FieldKeyset.KeyInfo> keys,
        @Nullable Object by) {}
