package kz.qorgau.server.platform;

import java.util.List;

/**
 * An administrator changed the field keyset (added a key, made one primary). Carries key ids only,
 * never key material, so the ledger may record it.
 *
 * @param change {@code key.added}, {@code key.promoted} or {@code key.rotated}
 * @param keyId the key added or promoted
 * @param keys the keyset after the change
 */
public record FieldKeysetChanged(String change, long keyId, List<FieldKeyset.KeyInfo> keys) {}
