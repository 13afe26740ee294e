package kz.qorgau.server.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.qorgau.server.casework.SignalEvidence;
import kz.qorgau.server.casework.SignalEvidenceTexts;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/** What the case page's texts of every signal source share: the bundles and reading the stored detail. */
abstract class EvidenceTexts implements SignalEvidenceTexts {
    final MessageSource messages;

    EvidenceTexts(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, key, locale);
    }

    void add(List<SignalEvidence.Line> lines, String key, @Nullable Object value, Locale locale) {
        if (value != null && !value.toString().isEmpty()) {
            lines.add(new SignalEvidence.Line(text(key, locale), value.toString()));
        }
    }

    static List<Map<?, ?>> maps(@Nullable Object value) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    out.add(map);
                }
            }
        }
        return out;
    }
}
