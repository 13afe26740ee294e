package kz.qorgau.server.attachments;

import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.web.multipart.MultipartFile;

/**
 * A file as it arrived: the name the sender gave it (kept, sealed, but never trusted), the size the
 * sender declared, and the content. The content is read at most once, and never beyond the limit.
 */
public record Upload(@Nullable String fileName, long size, InputStreamSource content) {

    /** A file from a multipart request (the web form or the API). */
    public static Upload of(MultipartFile file) {
        return new Upload(file.getOriginalFilename(), file.getSize(), file);
    }

    /** A file already in memory. */
    public static Upload of(@Nullable String fileName, byte[] content) {
        return new Upload(fileName, content.length, new ByteArrayResource(content));
    }

    /** An empty file input of a form: no name, no bytes. */
    boolean nothingChosen() {
        return size == 0 && (fileName == null || fileName.isBlank());
    }

    /** Reads the content, or returns {@code null} if it is longer than {@code limit} bytes. */
    byte @Nullable [] read(long limit) throws IOException {
        try (InputStream in = content.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            return bytes.length > limit ? null : bytes;
        }
    }
}
