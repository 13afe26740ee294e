package kz.qorgau.server.signals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes a draft suspicious-transaction report as an A4 PDF with PDFBox, in DejaVu Sans (shipped in
 * the server's resources under its free licence, embedded as a subset), which has every Kazakh and
 * Russian letter: PDFBox's standard 14 fonts have none. Characters the font lacks (emoji) are written
 * as {@code ?}. The document information names no person.
 */
final class StrPdf {

    private static final String FONT = "/kz/qorgau/server/signals/fonts/DejaVuSans.ttf";
    private static final float MARGIN = 50;
    private static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private StrPdf() {}

    static byte[] render(SuspiciousTransactionReports.Draft draft, Function<String, String> label, Locale locale) {
        try (PDDocument document = new PDDocument();
                InputStream fontFile = StrPdf.class.getResourceAsStream(FONT)) {
            if (fontFile == null) {
                throw new IllegalStateException("the font " + FONT + " is missing from the server's resources");
            }
            PDType0Font font = PDType0Font.load(document, fontFile, true);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(label.apply("sig.str.title"));
            info.setProducer("Qorgau");
            Writer out = new Writer(document, font);
            out.paragraph(label.apply("sig.str.title"), 15, 4);
            out.paragraph(label.apply("sig.str.draftWarning"), 10, 10);
            out.field(label.apply("sig.str.addresseeLabel"), draft.addressee());
            out.field(
                    label.apply("sig.str.preparedBy"),
                    draft.preparedBy().organisationName() + " ("
                            + draft.preparedBy().organisation() + ", "
                            + draft.preparedBy().role() + ")");
            out.field(
                    label.apply("sig.str.preparedAt"),
                    TIME.format(draft.preparedAt().atZone(KAZAKHSTAN)) + " (Asia/Almaty)");
            out.field(label.apply("sig.str.case"), draft.caseReference());
            out.field(label.apply("sig.str.alert"), draft.alert().toString());
            out.gap();
            out.paragraph(label.apply("sig.str.subject"), 12, 4);
            SuspiciousTransactionReports.Subject subject = draft.subject();
            out.field(label.apply("sig.str.account"), subject.account());
            out.field(label.apply("sig.str.typology"), subject.typology());
            out.field(label.apply("sig.str.score"), String.format(Locale.ROOT, "%.2f", subject.score()));
            out.field(label.apply("sig.str.window"), subject.windowFrom() + " — " + subject.windowTo());
            if (!subject.linkedAccounts().isEmpty()) {
                out.field(label.apply("sig.str.linked"), String.join(", ", subject.linkedAccounts()));
            }
            if (!subject.phones().isEmpty()) {
                out.field(label.apply("sig.str.phones"), String.join(", ", subject.phones()));
            }
            out.gap();
            out.paragraph(label.apply("sig.str.rules"), 12, 4);
            for (SuspiciousTransactionReports.Rule rule : draft.rules()) {
                out.paragraph(rule.name() + String.format(Locale.ROOT, " (%.2f)", rule.weight()), 10, 1);
                out.paragraph(rule.text(), 9, 6);
            }
            if (!draft.matchedOnCase().isEmpty()) {
                out.gap();
                out.paragraph(label.apply("sig.str.matched"), 12, 4);
                for (SuspiciousTransactionReports.Matched m : draft.matchedOnCase()) {
                    out.paragraph(m.kind() + ": " + m.value() + " (" + m.as() + ")", 10, 2);
                }
            }
            out.gap();
            out.paragraph(label.apply("sig.str.grounds"), 12, 4);
            out.paragraph(draft.grounds(), 9, 8);
            out.field(label.apply("sig.str.rulesVersion"), draft.rulesVersion());
            out.gap();
            out.paragraph(draft.notice(), 9, 4);
            out.close();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the draft report could not be written as PDF", e);
        }
    }

    /** Lays text out top to bottom, wrapping words and starting new pages. */
    private static final class Writer {
        private final PDDocument document;
        private final PDType0Font font;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private final Map<Integer, Boolean> printable = new HashMap<>();
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument document, PDType0Font font) throws IOException {
            this.document = document;
            this.font = font;
            newPage();
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void field(String name, String value) throws IOException {
            paragraph(name + ": " + value, 10, 2);
        }

        void gap() {
            y -= 6;
        }

        void paragraph(String text, float size, float after) throws IOException {
            float leading = size * 1.35f;
            for (String line : wrap(clean(text), size)) {
                if (y - leading < MARGIN) {
                    newPage();
                }
                y -= leading;
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN, y);
                content.showText(line);
                content.endText();
            }
            y -= after;
        }

        private List<String> wrap(String text, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (widthOf(candidate, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                // A word wider than the line (a long account list without spaces) is cut.
                String rest = word;
                while (widthOf(rest, size) > width) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && widthOf(rest.substring(0, cut), size) > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        private float widthOf(String text, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        /** Line breaks and tabs become spaces; characters without a glyph become '?'. */
        private String clean(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                    out.append(' ');
                } else if (printable.computeIfAbsent(cp, this::hasGlyph)) {
                    out.appendCodePoint(cp);
                } else {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private boolean hasGlyph(int codePoint) {
            try {
                font.encode(new String(Character.toChars(codePoint)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }

        void close() throws IOException {
            content.close();
        }
    }
}
