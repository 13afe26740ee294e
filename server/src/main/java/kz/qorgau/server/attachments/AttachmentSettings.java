package kz.qorgau.server.attachments;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code qorgau.attachments.*}. The multipart limits of the servlet container
 * ({@code spring.servlet.multipart.*}) must be above these, so that a file just over the limit reaches
 * the application and is refused beside its field instead of failing the whole form.
 *
 * @param maxSize the largest file accepted
 * @param maxPerReport how many files one report (or one message) may carry
 * @param maxPixels the most pixels a picture may claim before it is decoded
 * @param viewingMaxSide the longest side of a picture's viewing copy, in pixels
 */
@ConfigurationProperties("qorgau.attachments")
record AttachmentSettings(
        @DefaultValue("10MB") DataSize maxSize,
        @DefaultValue("5") int maxPerReport,
        @DefaultValue("50000000") long maxPixels,
        @DefaultValue("2560") int viewingMaxSide) {

    AttachmentSettings {
        if (maxPerReport < 1 || maxSize.toBytes() < 1 || maxPixels < 1 || viewingMaxSide < 16) {
            throw new IllegalArgumentException(
                    "qorgau.attachments: max-size, max-per-report and max-pixels must be positive, viewing-max-side"
                            + " at least 16");
        }
    }
}
