package kz.qorgau.server.casework;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Says one signal source's {@code signal.matched} timeline entries in the reader's language: the
 * summary and the evidence lines of the case page. Implemented where the signals live; an entry
 * of a source without one is shown as stored ({@link SignalEvidence#of}).
 */
public interface SignalEvidenceTexts {

    /** The source it speaks for, as in the entry's {@code source}. */
    String source();

    /** The summary in the reader's language, or {@code null} to show the stored one. */
    @Nullable
    String summary(Map<String, Object> detail, Locale locale);

    /** The evidence lines in the reader's language. */
    List<SignalEvidence.Line> lines(Map<String, Object> detail, Locale locale);
}
