package kz.qorgau.ledger.audit;

/**
 * A signed checkpoint given to the auditor, with a label that says where it came from.
 *
 * @param label where it came from, for messages, e.g. {@code ledger_checkpoints id 17} or
 *     {@code --checkpoint witness.txt}
 * @param signedNote the signed checkpoint note, as stored or served
 */
public record CheckpointRecord(String label, String signedNote) {}
