package kz.qorgau.signals.tx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Payment memos, sent or received, contain phrases from the editable keyword list. */
final class MemoKeywordMatches implements TypologyRule {

    @Override
    public String name() {
        return ScreeningRules.Rules.MEMO;
    }

    @Override
    public @Nullable RuleHit evaluate(WindowView w, EvaluationContext context) {
        ScreeningRules.Memo settings = context.rules().memo();
        if (w.memoMatches < settings.minMatches()) {
            return null;
        }
        Map<String, Integer> keywords = w.memoKeywords();
        List<String> listed = new ArrayList<>();
        keywords.forEach((keyword, count) -> listed.add("'" + keyword + "' ×" + count));
        String example = w.memoExample();
        String evidence = w.memoMatches + " payment memos between " + context.dates(w)
                + " contain listed keywords: " + String.join(", ", listed)
                + (example == null ? "" : "; e.g. " + example);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("memos", w.memoMatches);
        facts.put("keywords", listed);
        if (example != null) {
            facts.put("example", example);
        }
        return new RuleHit(name(), settings.weight(), evidence, facts);
    }
}
