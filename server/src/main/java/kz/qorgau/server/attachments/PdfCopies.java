package kz.qorgau.server.attachments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Viewing copies of PDFs with Apache PDFBox: the document is parsed and written out again without its
 * document information (author, creator, dates), its XMP metadata streams (on the document, pages,
 * images and fonts), application data ({@code PieceInfo}), XFA form data, embedded files, and
 * JavaScript or automatic actions. The pages themselves are kept as they are: pictures inside a PDF
 * keep whatever metadata their own encoding carries (documented).
 *
 * <p>PDFBox works in main memory only, within a limit: its default would spill to temporary files in
 * clear.
 */
final class PdfCopies {

    static final int MAX_PAGES = 2_000;
    private static final long MEMORY_LIMIT = 128L * 1024 * 1024;
    private static final int MAX_OBJECTS = 2_000_000;

    /** Keys removed wherever they appear: metadata, private data and anything that runs or embeds. */
    private static final List<COSName> REMOVED = List.of(
            COSName.METADATA,
            COSName.PIECE_INFO,
            COSName.AA,
            COSName.OPEN_ACTION,
            COSName.JS,
            COSName.JAVA_SCRIPT,
            COSName.EMBEDDED_FILES,
            COSName.EF,
            COSName.getPDFName("XFA"));

    private PdfCopies() {}

    static ViewingCopy copy(byte[] content) {
        try (PDDocument document = Loader.loadPDF(
                content, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(MEMORY_LIMIT).streamCache)) {
            int pages = document.getNumberOfPages();
            if (pages < 1) {
                return new ViewingCopy.Unreadable("unreadable");
            }
            if (pages > MAX_PAGES) {
                return new ViewingCopy.Unreadable("too-many-pages", MAX_PAGES);
            }
            if (document.isEncrypted()) {
                // Opened with the empty user password (an owner password only restricts printing and the
                // like); the copy is written without encryption.
                document.setAllSecurityToBeRemoved(true);
            }
            COSDictionary trailer = document.getDocument().getTrailer();
            trailer.removeItem(COSName.INFO);
            trailer.removeItem(COSName.ID);
            if (!strip(trailer)) {
                return new ViewingCopy.Unreadable("unreadable");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(content.length);
            document.save(out);
            return new ViewingCopy.Made(out.toByteArray(), AttachmentKind.PDF);
        } catch (InvalidPasswordException e) {
            return new ViewingCopy.Unreadable("password-protected");
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // A malformed PDF surfaces as an IOException, a RuntimeException of PDFBox's parser, or deep
            // recursion on absurdly nested structures: all are refused the same way.
            return new ViewingCopy.Unreadable("unreadable");
        }
    }

    /** Removes {@link #REMOVED} from every object reachable from the trailer; false if there are too many. */
    private static boolean strip(COSDictionary trailer) {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> pending = new ArrayDeque<>();
        pending.push(trailer);
        while (!pending.isEmpty()) {
            COSBase next = pending.pop();
            if (next instanceof COSObject reference) {
                next = reference.getObject();
            }
            if (next == null || !seen.add(next)) {
                continue;
            }
            if (seen.size() > MAX_OBJECTS) {
                return false;
            }
            if (next instanceof COSDictionary dictionary) {
                REMOVED.forEach(dictionary::removeItem);
                for (COSBase value : dictionary.getValues()) {
                    pending.push(value);
                }
            } else if (next instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    pending.push(array.get(i));
                }
            }
        }
        return true;
    }
}
