package kz.qorgau.signals.tx;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the keyword matches of recent memos: the same memo ("за урок", "salary") arrives many
 * times, and normalising it each time is the costliest step per transaction. Bounded: the memory is
 * cleared when it holds too many memos.
 */
final class MemoMatches {

    private static final int LIMIT = 8192;

    private final MemoKeywords keywords;
    private final Map<String, List<String>> seen = new HashMap<>();

    MemoMatches(MemoKeywords keywords) {
        this.keywords = keywords;
    }

    List<String> of(String memo) {
        List<String> known = seen.get(memo);
        if (known != null) {
            return known;
        }
        List<String> matches = keywords.matches(memo);
        if (seen.size() >= LIMIT) {
            seen.clear();
        }
        seen.put(memo, matches);
        return matches;
    }
}
