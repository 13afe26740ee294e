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

        /**
         * The refusal as the API answers it: a 400 naming each refused part ({@code file[i]}, or
         * {@code file} for the request as a whole) with its message in English.
         */
        public kz.qorgau.server.platform.InvalidInputException asProblem(
                org.springframework.context.MessageSource messages) {
            return new kz.qorgau.server.platform.InvalidInputException(refusals.stream()
                    .map(refusal -> new kz.qorgau.server.platform.FieldViolation(
                            refusal.index() < 0 ? "file" : "file[" + refusal.index() + "]",
                            refusal.code(),
                            messages.getMessage(
                                    refusal.messageKey(),
                                    refusal.messageArguments(),
                                    refusal.code(),
                                    java.util.Locale.ENGLISH)))
                    .toList());
        }
    }
}
