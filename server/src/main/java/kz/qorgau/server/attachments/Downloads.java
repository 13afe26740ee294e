package kz.qorgau.server.attachments;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** How attachments are sent: never cached, never sniffed, a generated name. */
final class Downloads {

    private Downloads() {}

    /**
     * @param inline whether a page may show it in place (pictures only); anything else is a download
     */
    static ResponseEntity<byte[]> response(Download download, boolean inline) {
        ContentDisposition disposition = (inline && download.kind().image()
                        ? ContentDisposition.inline()
                        : ContentDisposition.attachment())
                .filename(download.fileName())
                .build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.kind().mediaType()))
                .contentLength(download.content().length)
                .cacheControl(CacheControl.noStore())
                .header("Content-Disposition", disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(download.content());
    }
}
