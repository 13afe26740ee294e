package kz.qorgau.server.attachments;

import java.util.List;

/** What checking a set of uploads came to: all accepted, or the refusals (then nothing is kept). */
public sealed interface AttachmentCheck {

    /** Every upload passed; they are ready to be attached, in the order given. */
    record Accepted(List<PreparedAttachment> attachments) implements AttachmentCheck {
        /** No files. */
        public static final Accepted NONE = new Accepted(List.of());

        public Accepted {
            attachments = List.copyOf(attachments);
        }

        /** Whether no file was chosen at all (empty file inputs are skipped). */
        public boolean isEmpty() {
            return attachments.isEmpty();
        }
    }

    /** At least one upload was refused. */
    record Refused(List<Refusal> refusals) implements AttachmentCheck {
        public Refused {
            refusals = List.copyOf(refusals);
        }
    }
}
