package kz.qorgau.signals.ads;

import java.io.IOException;
import java.io.Reader;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads ads from JSON lines, one object per line:
 * {@code {"id","source","url","postedAt","city","title","text","images":[{"pdq":"<64 hex>"}]}}. Only
 * {@code id} and {@code text} are required. A line that is not such an object (bad JSON, a missing
 * or mistyped field, an unreadable date or hash, a repeated id, text over {@link #MAX_TEXT_BYTES})
 * becomes an {@link AdLine.Rejected} with its line number and a reason, and reading goes on; blank
 * lines are skipped. Oversized ads are rejected whole, never truncated.
 *
 * <p>Thread-safe; each {@link #read} call keeps its own state. Memory: one line at a time plus the
 * ids seen (to reject repeats).
 */
public final class AdReader {

    /** Largest title plus text, in UTF-8 bytes, of an ad that is accepted (100 KB). */
    public static final int MAX_TEXT_BYTES = 100 * 1024;

    /** Longest line read, in characters; longer lines are rejected without being held in memory. */
    public static final int MAX_LINE_CHARS = 1 << 20;

    /** Most image hashes one ad may carry. */
    public static final int MAX_IMAGES = 64;

    /** Longest id accepted. */
    public static final int MAX_ID_LENGTH = 256;

    private static final int MAX_FIELD_LENGTH = 2048;
    private static final AdReader STANDARD = new AdReader();

    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private AdReader() {}

    /** The reader. */
    public static AdReader standard() {
        return STANDARD;
    }

    /**
     * Reads every line of {@code input}, passing each ad or rejection to {@code sink} in order.
     *
     * @return the number of lines read
     * @throws IOException only if reading the input itself fails
     */
    public long read(Reader input, Consumer<? super AdLine> sink) throws IOException {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(sink, "sink");
        Map<String, Long> firstLineOfId = new HashMap<>();
        LineSource lines = new LineSource(input);
        long count = 0;
        for (RawLine line = lines.next(); line != null; line = lines.next()) {
            count = line.number();
            if (line.tooLong()) {
                sink.accept(new AdLine.Rejected(
                        line.number(),
                        "line is over " + MAX_LINE_CHARS + " characters; one ad per line, text at most "
                                + MAX_TEXT_BYTES + " bytes"));
                continue;
            }
            if (line.text().isBlank()) {
                continue;
            }
            AdLine parsed = parse(line.text(), line.number());
            if (parsed instanceof AdLine.Accepted accepted) {
                Long first = firstLineOfId.putIfAbsent(accepted.ad().id(), line.number());
                if (first != null) {
                    parsed = new AdLine.Rejected(
                            line.number(), "id '" + accepted.ad().id() + "' already used on line " + first);
                }
            }
            sink.accept(parsed);
        }
        return count;
    }

    /** Reads every line into a list; convenient for small inputs. */
    public List<AdLine> readAll(Reader input) throws IOException {
        List<AdLine> out = new ArrayList<>();
        read(input, out::add);
        return out;
    }

    /** Reads one line (without its line break) as an ad. */
    public AdLine parse(String line, long lineNumber) {
        Objects.requireNonNull(line, "line");
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JacksonException e) {
            return new AdLine.Rejected(lineNumber, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return new AdLine.Rejected(lineNumber, "expected one JSON object per line");
        }
        try {
            return new AdLine.Accepted(lineNumber, toAd(node));
        } catch (BadField e) {
            return new AdLine.Rejected(lineNumber, e.getMessage());
        }
    }

    private static Ad toAd(JsonNode node) {
        String id = requiredString(node, "id", MAX_ID_LENGTH);
        if (id.isBlank()) {
            throw new BadField("field \"id\" is blank; give every ad its source's identifier");
        }
        String text = requiredString(node, "text", Integer.MAX_VALUE);
        String title = optionalString(node, "title", Integer.MAX_VALUE);
        long bytes = utf8Length(text) + utf8Length(title == null ? "" : title);
        if (bytes > MAX_TEXT_BYTES) {
            throw new BadField("title and text are " + bytes + " bytes, over the limit of " + MAX_TEXT_BYTES
                    + "; such an ad is rejected, not truncated");
        }
        String posted = optionalString(node, "postedAt", MAX_FIELD_LENGTH);
        OffsetDateTime postedAt = null;
        if (posted != null && !posted.isBlank()) {
            try {
                postedAt = OffsetDateTime.parse(posted);
            } catch (DateTimeParseException e) {
                throw new BadField("field \"postedAt\" '" + posted
                        + "' is not an ISO-8601 date-time with offset, such as 2026-03-24T13:02:00+05:00");
            }
        }
        return new Ad(
                id,
                optionalString(node, "source", MAX_FIELD_LENGTH),
                optionalString(node, "url", MAX_FIELD_LENGTH),
                postedAt,
                optionalString(node, "city", MAX_FIELD_LENGTH),
                title == null ? "" : title,
                text,
                images(node));
    }

    private static List<PdqHash> images(JsonNode node) {
        JsonNode images = node.get("images");
        if (images == null || images.isNull()) {
            return List.of();
        }
        if (!images.isArray()) {
            throw new BadField("field \"images\" must be an array of {\"pdq\": \"<64 hex digits>\"}");
        }
        if (images.size() > MAX_IMAGES) {
            throw new BadField("field \"images\" has " + images.size() + " entries, more than " + MAX_IMAGES);
        }
        List<PdqHash> out = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            JsonNode image = images.get(i);
            JsonNode pdq = image.isObject() ? image.get("pdq") : null;
            if (pdq == null || !pdq.isString()) {
                throw new BadField("images[" + i + "] must be an object {\"pdq\": \"<64 hex digits>\"}");
            }
            try {
                out.add(PdqHash.parse(pdq.stringValue()));
            } catch (IllegalArgumentException e) {
                throw new BadField("images[" + i + "].pdq: " + e.getMessage());
            }
        }
        return out;
    }

    private static String requiredString(JsonNode node, String field, int maxLength) {
        String value = optionalString(node, field, maxLength);
        if (value == null) {
            throw new BadField("missing field \"" + field + "\"");
        }
        return value;
    }

    private static @Nullable String optionalString(JsonNode node, String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new BadField("field \"" + field + "\" must be a string");
        }
        String s = value.stringValue();
        if (s.length() > maxLength) {
            throw new BadField("field \"" + field + "\" is " + s.length() + " characters, more than " + maxLength);
        }
        return s;
    }

    private static long utf8Length(String s) {
        // Counting is cheaper than encoding a 100 KB text only to measure it.
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static final class BadField extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadField(String message) {
            super(message, null, false, false);
        }
    }

    private record RawLine(long number, String text, boolean tooLong) {}

    /** Lines of at most {@link #MAX_LINE_CHARS}; the rest of a longer line is skipped, not kept. */
    private static final class LineSource {
        private final Reader in;
        private final char[] buffer = new char[8192];
        private int pos;
        private int limit;
        private long number;
        private boolean eof;

        LineSource(Reader in) {
            this.in = in;
        }

        @Nullable
        RawLine next() throws IOException {
            if (eof && pos >= limit) {
                return null;
            }
            StringBuilder line = new StringBuilder();
            boolean tooLong = false;
            boolean sawAny = false;
            while (true) {
                if (pos >= limit) {
                    limit = in.read(buffer, 0, buffer.length);
                    pos = 0;
                    if (limit <= 0) {
                        limit = 0;
                        eof = true;
                        if (!sawAny) {
                            return null;
                        }
                        break;
                    }
                }
                sawAny = true;
                char c = buffer[pos++];
                if (c == '\n') {
                    break;
                }
                if (!tooLong) {
                    if (line.length() >= MAX_LINE_CHARS) {
                        tooLong = true;
                        line.setLength(0);
                    } else {
                        line.append(c);
                    }
                }
            }
            number++;
            int end = line.length();
            if (end > 0 && line.charAt(end - 1) == '\r') {
                line.setLength(end - 1);
            }
            if (number == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line.deleteCharAt(0);
            }
            return new RawLine(number, line.toString(), tooLong);
        }
    }
}
