package kz.qorgau.ledger.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import kz.qorgau.ledger.Hash;
import org.junit.jupiter.api.Test;

/** The canonical entry bytes: exact layout, round trip, and strict rejection of anything else. */
class LedgerEntryEncodingTest {

    private static final Hash CASE = Hash.sha256(new byte[] {1});
    private static final Hash CONTENT = Hash.sha256(new byte[] {2});
    private static final Instant TIME = Instant.parse("2025-03-14T09:26:53.589793Z");

    private final LedgerEntry entry =
            LedgerEntry.forCase("report.filed", CASE, "KZ-QYZ-SCH-12", "reporter", TIME, CONTENT);

    @Test
    void theBytesAreVersionThenLengthPrefixedFieldsInFixedOrder() {
        byte[] bytes = entry.toBytes();
        String expected = "01"
                + "0c" + hex("report.filed")
                + "20" + CASE.toHex()
                + "0d" + hex("KZ-QYZ-SCH-12")
                + "08" + hex("reporter")
                + String.format("%016x", TIME.getEpochSecond() * 1_000_000 + 589_793)
                + "20" + CONTENT.toHex();
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(expected);
        assertThat(bytes.length).isLessThanOrEqualTo(LedgerEntry.MAX_BYTES);
    }

    @Test
    void entriesRoundTripWithAndWithoutACase() {
        assertThat(LedgerEntry.fromBytes(entry.toBytes())).isEqualTo(entry);
        LedgerEntry noCase = LedgerEntry.withoutCase("user.login", "KZ-MOE", "admin", TIME, CONTENT);
        byte[] bytes = noCase.toBytes();
        assertThat(bytes[1 + 1 + "user.login".length()]).isZero();
        assertThat(LedgerEntry.fromBytes(bytes)).isEqualTo(noCase);
        assertThat(LedgerEntry.fromBytes(bytes).casePseudonym()).isNull();
        assertThat(LedgerEntry.epochMicrosOf(bytes)).isEqualTo(noCase.epochMicros());
    }

    @Test
    void timeIsKeptToTheMicrosecond() {
        LedgerEntry nanos = LedgerEntry.forCase(
                "case.read", CASE, "KZ-POL-7", "inspector", Instant.parse("2025-01-01T00:00:00.123456789Z"), CONTENT);
        assertThat(nanos.time()).isEqualTo(Instant.parse("2025-01-01T00:00:00.123456Z"));
        assertThat(LedgerEntry.fromBytes(nanos.toBytes()).time()).isEqualTo(nanos.time());
    }

    @Test
    void invalidFieldsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> LedgerEntry.withoutCase("Report.filed", "org", "role", TIME, CONTENT))
                .hasMessageStartingWith("type must start with a lowercase letter");
        assertThatThrownBy(() -> LedgerEntry.withoutCase("report filed", "org", "role", TIME, CONTENT))
                .hasMessageStartingWith("type may contain only");
        assertThatThrownBy(() -> LedgerEntry.withoutCase("x", "Шымкент", "role", TIME, CONTENT))
                .hasMessageStartingWith("actorOrganisation may contain only printable ASCII");
        assertThatThrownBy(() -> LedgerEntry.withoutCase("x", "org", "", TIME, CONTENT))
                .hasMessageStartingWith("actorRole must have 1 to 64 characters");
        assertThatThrownBy(() -> LedgerEntry.withoutCase("x", "org", "r".repeat(65), TIME, CONTENT))
                .hasMessageStartingWith("actorRole must have 1 to 64");
        assertThatThrownBy(() ->
                        LedgerEntry.withoutCase("x", "org", "role", Instant.parse("1969-12-31T23:59:59Z"), CONTENT))
                .hasMessageStartingWith("time must be between");
    }

    @Test
    void malformedBytesAreRejectedNamingTheOffset() {
        byte[] good = entry.toBytes();
        int typeAt = 1;
        int caseAt = typeAt + 1 + 12;
        int orgAt = caseAt + 1 + 32;
        int roleAt = orgAt + 1 + 13;
        int timeAt = roleAt + 1 + 8;
        int contentAt = timeAt + 8;

        assertRejected(new byte[0], 0, "ends before the version");
        assertRejected(with(good, 0, 2), 0, "unknown version 2");
        assertRejected(with(good, typeAt, 0), typeAt, "1 to 64 characters, got 0");
        assertRejected(with(good, typeAt + 1, 'R'), typeAt + 1, "not allowed in the type");
        assertRejected(with(good, caseAt, 31), caseAt, "0 (no case) or 32");
        assertRejected(with(good, orgAt + 3, ' '), orgAt + 3, "not allowed in the actor organisation");
        assertRejected(with(good, roleAt + 1, 0xd0), roleAt + 1, "not allowed in the actor role");
        assertRejected(with(good, timeAt, 0x80), timeAt, "before 1970");
        assertRejected(with(good, contentAt, 33), contentAt, "must be 32");
        assertRejected(Arrays.copyOf(good, good.length + 1), good.length, "1 trailing bytes");
        assertRejected(Arrays.copyOf(good, good.length - 1), contentAt + 1, "ends before the end of the content hash");
        assertRejected(Arrays.copyOf(good, timeAt + 3), timeAt, "ends before the time");
    }

    @Test
    void theFastTimeReaderIsAsStrictAsTheDecoder() {
        byte[] trailing = Arrays.copyOf(entry.toBytes(), entry.toBytes().length + 1);
        assertThatThrownBy(() -> LedgerEntry.epochMicrosOf(trailing)).isInstanceOf(MalformedEntryException.class);
        assertThat(LedgerEntry.epochMicrosOf(entry.toBytes())).isEqualTo(entry.epochMicros());
    }

    private static void assertRejected(byte[] bytes, int offset, String messagePart) {
        assertThatThrownBy(() -> LedgerEntry.fromBytes(bytes))
                .isInstanceOfSatisfying(
                        MalformedEntryException.class,
                        e -> assertThat(e.offset()).isEqualTo(offset))
                .hasMessageContaining(messagePart);
    }

    private static byte[] with(byte[] bytes, int at, int value) {
        byte[] copy = bytes.clone();
        copy[at] = (byte) value;
        return copy;
    }

    private static String hex(String ascii) {
        return HexFormat.of().formatHex(ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
