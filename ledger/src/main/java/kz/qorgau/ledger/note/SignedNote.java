package kz.qorgau.ledger.note;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A C2SP signed note: a text of newline-terminated lines, a blank line, and one or more signature lines
 * {@code — <key name> base64(keyId ‖ signature)}. Parsing checks the format only; {@link #open} checks the
 * signatures, following Go's {@code note.Open}: signatures by unknown keys are ignored, a failing signature by
 * a known key rejects the whole note, and at least one known key must have signed.
 *
 * @param text the signed text, ending with a newline (without the blank separator line)
 * @param signatures the signature lines, in order
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

    /** Notes with more signatures are refused, as in Go (C2SP requires accepting at least 16). */
    public static final int MAX_SIGNATURES = 100;

    /** Notes larger than this are refused before parsing. */
    public static final int MAX_BYTES = 1 << 20;

    /**
     * Checks and copies.
     *
     * @throws IllegalArgumentException if the text is not a valid note text or there is no signature
     */
    public SignedNote {
        requireValidText(text);
        signatures = List.copyOf(signatures);
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("a signed note has at least one signature");
        }
        if (signatures.size() > MAX_SIGNATURES) {
            throw new IllegalArgumentException("a signed note has at most " + MAX_SIGNATURES + " signatures");
        }
    }

    /** A note of {@code text} with one signature. */
    public static SignedNote of(String text, NoteSignature signature) {
        return new SignedNote(text, List.of(signature));
    }

    /**
     * Parses UTF-8 bytes, e.g. a file given to {@code ledger verify --checkpoint}.
     *
     * @throws MalformedNoteException if the bytes are not valid UTF-8 or not a signed note
     */
    public static SignedNote parse(byte[] utf8) {
        if (utf8.length > MAX_BYTES) {
            throw new MalformedNoteException(0, "the note has " + utf8.length + " bytes; at most " + MAX_BYTES);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return parse(decoder.decode(ByteBuffer.wrap(utf8)).toString());
        } catch (CharacterCodingException e) {
            throw new MalformedNoteException(firstInvalidUtf8Line(utf8), "the note is not valid UTF-8");
        }
    }

    /**
     * Parses a signed note.
     *
     * @throws MalformedNoteException naming the line, if the text is not a signed note
     */
    public static SignedNote parse(String note) {
        if (note.length() > MAX_BYTES) {
            throw new MalformedNoteException(0, "the note has " + note.length() + " characters; at most " + MAX_BYTES);
        }
        checkCharacters(note);
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new MalformedNoteException(
                    0, "a signed note is text lines, a blank line, then signature lines; there is no blank line");
        }
        String text = note.substring(0, split + 1);
        String block = note.substring(split + 2);
        int textLines = countNewlines(text);
        int blankLine = textLines + 1;
        if (block.isEmpty()) {
            throw new MalformedNoteException(blankLine, "the blank line must be followed by signature lines");
        }
        if (!block.endsWith("\n")) {
            throw new MalformedNoteException(
                    blankLine + countNewlines(block) + 1, "the last signature line must end with a newline");
        }
        String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new MalformedNoteException(
                    blankLine + MAX_SIGNATURES + 1, "a note has at most " + MAX_SIGNATURES + " signatures");
        }
        List<NoteSignature> signatures = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            signatures.add(parseSignatureLine(lines[i], blankLine + 1 + i));
        }
        return new SignedNote(text, signatures);
    }

    /** The note as text: the text, a blank line, and the signature lines, each ending with a newline. */
    public String encode() {
        StringBuilder out = new StringBuilder(text).append('\n');
        for (NoteSignature signature : signatures) {
            out.append(signature.line()).append('\n');
        }
        return out.toString();
    }

    /** The note with {@code signature} added, replacing an earlier signature by the same key name and ID. */
    public SignedNote withSignature(NoteSignature signature) {
        List<NoteSignature> all = new ArrayList<>(signatures.size() + 1);
        for (NoteSignature existing : signatures) {
            if (!(existing.keyName().equals(signature.keyName()) && existing.keyId() == signature.keyId())) {
                all.add(existing);
            }
        }
        all.add(signature);
        return new SignedNote(text, all);
    }

    /** The 1-based line of signature {@code i} in {@link #encode()}. */
    public int lineOfSignature(int i) {
        return countNewlines(text) + 2 + i;
    }

    /**
     * Checks the signatures against {@code known} keys (matched by name and key ID).
     *
     * @return {@link NoteVerification.Verified} with the verified signatures, or {@link
     *     NoteVerification.Rejected} naming the line of a failing signature, or saying that no known key signed
     */
    public NoteVerification open(Collection<? extends NoteVerifier> known) {
        Map<KeyRef, NoteVerifier> byKey = new HashMap<>();
        for (NoteVerifier verifier : known) {
            @Nullable NoteVerifier previous = byKey.put(new KeyRef(verifier.name(), verifier.keyId()), verifier);
            if (previous != null && !previous.verifierKey().equals(verifier.verifierKey())) {
                return new NoteVerification.Rejected("two different known keys share the name " + verifier.name()
                        + " and key ID " + KeyText.hex(verifier.keyId()) + "; fix the list of trusted keys");
            }
        }
        List<VerifiedSignature> verified = new ArrayList<>();
        Set<KeyRef> seen = new HashSet<>();
        for (int i = 0; i < signatures.size(); i++) {
            NoteSignature signature = signatures.get(i);
            KeyRef ref = new KeyRef(signature.keyName(), signature.keyId());
            @Nullable NoteVerifier verifier = byKey.get(ref);
            if (verifier == null || !seen.add(ref)) {
                continue;
            }
            if (!verifier.verify(text, signature.signatureBytes())) {
                return new NoteVerification.Rejected("line " + lineOfSignature(i) + ": the signature by known key "
                        + signature.keyName() + "+" + signature.keyIdHex()
                        + " does not verify: the note was changed after it was signed, or the signature is forged");
            }
            verified.add(new VerifiedSignature(verifier, signature));
        }
        if (verified.isEmpty()) {
            List<String> signers = signatures.stream()
                    .map(s -> s.keyName() + "+" + s.keyIdHex())
                    .toList();
            List<String> trusted = known.stream()
                    .map(v -> v.name() + "+" + KeyText.hex(v.keyId()))
                    .toList();
            return new NoteVerification.Rejected("no signature by a known key: the note is signed by " + signers
                    + ", the known keys are " + trusted);
        }
        return new NoteVerification.Verified(this, verified);
    }

    /**
     * Checks a note text: non-empty, ends with a newline, and has no control characters but newlines.
     *
     * @throws IllegalArgumentException if it is not a valid note text
     */
    static void requireValidText(String text) {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("a note text is non-empty and ends with a newline");
        }
        checkCharacters(text);
    }

    private static NoteSignature parseSignatureLine(String line, int lineNumber) {
        if (!line.startsWith(NoteSignature.LINE_PREFIX)) {
            throw new MalformedNoteException(
                    lineNumber, "a signature line starts with an em dash (U+2014) and a space: '— name base64'");
        }
        String rest = line.substring(NoteSignature.LINE_PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw new MalformedNoteException(lineNumber, "a signature line has a key name, a space and base64");
        }
        String name = rest.substring(0, space);
        String base64 = rest.substring(space + 1);
        if (!KeyText.isValidName(name)) {
            throw new MalformedNoteException(lineNumber, "invalid key name '" + name + "'");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new MalformedNoteException(lineNumber, "the signature is not base64");
        }
        if (!Base64.getEncoder().encodeToString(raw).equals(base64)) {
            throw new MalformedNoteException(
                    lineNumber, "the signature is not canonical base64 (standard alphabet, '=' padding)");
        }
        if (raw.length < 5) {
            throw new MalformedNoteException(
                    lineNumber, "the signature has " + raw.length + " bytes; it needs a 4-byte key ID and a signature");
        }
        int keyId = ByteBuffer.wrap(raw, 0, 4).getInt();
        byte[] signature = new byte[raw.length - 4];
        System.arraycopy(raw, 4, signature, 0, signature.length);
        return new NoteSignature(name, keyId, signature);
    }

    private static void checkCharacters(String note) {
        int line = 1;
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '\r') {
                throw new MalformedNoteException(
                        line, "contains a carriage return; a note uses LF line endings only (convert CRLF to LF)");
            } else if (c < 0x20) {
                throw new MalformedNoteException(
                        line, "contains the control character U+" + String.format("%04X", (int) c));
            } else if (Character.isHighSurrogate(c)
                    && (i + 1 == note.length() || !Character.isLowSurrogate(note.charAt(i + 1)))) {
                throw new MalformedNoteException(line, "contains an unpaired surrogate (not valid UTF-8)");
            } else if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(note.charAt(i - 1)))) {
                throw new MalformedNoteException(line, "contains an unpaired surrogate (not valid UTF-8)");
            }
        }
    }

    private static int firstInvalidUtf8Line(byte[] utf8) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= utf8.length; i++) {
            if (i == utf8.length || utf8[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(utf8, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 0;
    }

    private static int countNewlines(String s) {
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    private record KeyRef(String name, int keyId) {}
}
