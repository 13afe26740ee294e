package kz.qorgau.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import kz.qorgau.ledger.note.MalformedNoteException;
import kz.qorgau.ledger.note.NoteSigner;
import kz.qorgau.ledger.note.NoteVerification;
import kz.qorgau.ledger.note.NoteVerifier;
import kz.qorgau.ledger.note.SignedNote;

/**
 * A C2SP tlog-checkpoint: the note text {@code origin\nsize\nbase64(root)\n} plus optional extension lines,
 * signed as a C2SP signed note. For example:
 *
 * <pre>
 * qorgau.example.kz/ledger
 * 1042
 * 9S9S2DBgXbGG6HQxzG0YqwIBYBZ3u6yHzuZ6AqgICQk=
 *
 * — qorgau.example.kz/ledger Ax3f8k…
 * </pre>
 *
 * @param origin the log's identity, conventionally its key name (non-empty, no newline)
 * @param size the number of entries the root covers
 * @param root the Merkle tree hash of those entries
 * @param extensionLines optional non-empty lines after the root (not recommended by C2SP; Qorgau writes none)
 */
public record Checkpoint(String origin, long size, Hash root, List<String> extensionLines) {

    /**
     * Checks and copies.
     *
     * @throws IllegalArgumentException if the origin or an extension line is empty or has a control character,
     *     or the size is negative
     */
    public Checkpoint {
        requireLine(origin, "the origin");
        if (size < 0) {
            throw new IllegalArgumentException("a checkpoint's size is 0 or more, got " + size);
        }
        extensionLines = List.copyOf(extensionLines);
        for (String line : extensionLines) {
            requireLine(line, "an extension line");
        }
    }

    /** A checkpoint without extension lines. */
    public static Checkpoint of(String origin, long size, Hash root) {
        return new Checkpoint(origin, size, root, List.of());
    }

    /** The note text: origin, size, base64 root and extension lines, each ending with a newline. */
    public String toNoteText() {
        StringBuilder text = new StringBuilder()
                .append(origin)
                .append('\n')
                .append(size)
                .append('\n')
                .append(root.toBase64())
                .append('\n');
        for (String line : extensionLines) {
            text.append(line).append('\n');
        }
        return text.toString();
    }

    /** This checkpoint as a note signed by {@code signer}, ready to store and serve as {@code text/plain}. */
    public String sign(NoteSigner signer) {
        String text = toNoteText();
        return SignedNote.of(text, signer.sign(text)).encode();
    }

    /**
     * Parses a checkpoint note text (the part before the blank line).
     *
     * @throws MalformedNoteException naming the line, if the text is not a checkpoint
     */
    public static Checkpoint parseNoteText(String text) {
        if (!text.endsWith("\n")) {
            throw new MalformedNoteException(0, "a checkpoint text ends with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new MalformedNoteException(
                    lines.length + 1,
                    "a checkpoint has at least three lines: origin, tree size and base64 root hash; found only "
                            + lines.length);
        }
        if (lines[0].isEmpty()) {
            throw new MalformedNoteException(1, "the origin line is empty");
        }
        long size = parseSize(lines[1]);
        Hash root;
        try {
            root = Hash.fromBase64(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new MalformedNoteException(3, "the root hash must be base64 of 32 bytes: " + e.getMessage());
        }
        List<String> extensions = new ArrayList<>();
        for (int i = 3; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                throw new MalformedNoteException(i + 1, "extension lines must not be empty");
            }
            extensions.add(lines[i]);
        }
        try {
            return new Checkpoint(lines[0], size, root, extensions);
        } catch (IllegalArgumentException e) {
            throw new MalformedNoteException(0, e.getMessage());
        }
    }

    /**
     * Parses a signed checkpoint and checks that {@code logKey} signed it. Signatures by {@code otherKeys}
     * (e.g. witnesses' {@link kz.qorgau.ledger.note.CosignatureVerifier}s) are checked too and reported; a
     * failing one rejects the note; unknown signatures are ignored.
     *
     * @return the checkpoint and verified signatures, or the reason (naming the line) it must not be trusted
     */
    public static CheckpointVerification open(
            String signedNote, NoteVerifier logKey, Collection<? extends NoteVerifier> otherKeys) {
        SignedNote note;
        Checkpoint checkpoint;
        try {
            note = SignedNote.parse(signedNote);
            checkpoint = parseNoteText(note.text());
        } catch (MalformedNoteException e) {
            return new CheckpointVerification.Rejected("malformed checkpoint: " + e.getMessage());
        }
        List<NoteVerifier> known = new ArrayList<>(otherKeys.size() + 1);
        known.add(logKey);
        known.addAll(otherKeys);
        NoteVerification verification = note.open(known);
        if (verification instanceof NoteVerification.Rejected rejected) {
            return new CheckpointVerification.Rejected(rejected.reason());
        }
        NoteVerification.Verified verified = (NoteVerification.Verified) verification;
        if (!verified.isSignedBy(logKey)) {
            return new CheckpointVerification.Rejected(
                    "the checkpoint is not signed by the log's key " + logKey.name() + "; it carries only "
                            + note.signatures().stream()
                                    .map(s -> s.keyName() + "+" + s.keyIdHex())
                                    .toList());
        }
        return new CheckpointVerification.Verified(checkpoint, note, verified.signatures());
    }

    /** {@link #open(String, NoteVerifier, Collection)} with the log's key only. */
    public static CheckpointVerification open(String signedNote, NoteVerifier logKey) {
        return open(signedNote, logKey, List.of());
    }

    private static long parseSize(String line) {
        boolean digits = !line.isEmpty() && line.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits || (line.length() > 1 && line.charAt(0) == '0')) {
            throw new MalformedNoteException(
                    2, "the tree size must be a decimal number without leading zeros, got '" + shorten(line) + "'");
        }
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new MalformedNoteException(2, "the tree size " + shorten(line) + " is too large");
        }
    }

    private static void requireLine(String line, String what) {
        if (line.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) < 0x20) {
                throw new IllegalArgumentException(what + " must not contain newlines or control characters");
            }
        }
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
