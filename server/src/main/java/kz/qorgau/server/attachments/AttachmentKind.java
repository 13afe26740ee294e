package kz.qorgau.server.attachments;

import java.util.Locale;

/** The file types an attachment may have, as found in its content (magic bytes), never its name. */
public enum AttachmentKind {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    PDF("application/pdf", "pdf"),
    MP3("audio/mpeg", "mp3"),
    WAV("audio/wav", "wav"),
    OGG("audio/ogg", "ogg"),
    M4A("audio/mp4", "m4a"),
    AMR("audio/amr", "amr");

    private final String mediaType;
    private final String extension;

    AttachmentKind(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The media type a download is served with. */
    public String mediaType() {
        return mediaType;
    }

    /** The file name extension a download is given. */
    public String extension() {
        return extension;
    }

    /** The code used in the API, e.g. {@code jpeg}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether it is a picture (a viewing copy is an image that a page may show inline). */
    public boolean image() {
        return this == JPEG || this == PNG;
    }

    /** Whether it is a sound recording. */
    public boolean audio() {
        return this == MP3 || this == WAV || this == OGG || this == M4A || this == AMR;
    }
}
