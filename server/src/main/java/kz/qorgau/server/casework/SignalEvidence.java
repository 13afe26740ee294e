package kz.qorgau.server.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The evidence of a {@code signal.matched} timeline entry as lines for the case page: what the
 * signal's source stored (the ad and the words that matched, the alert's rules and their evidence,
 * the school's figures), flattened to "where › what: value" so that a case worker reviews every fact
 * the match rests on without reading JSON. The summary and source are shown apart.
 */
public final class SignalEvidence {

    /** At most this many lines per entry: the rest is in the chronology API. */
    static final int MAX_LINES = 80;

    private SignalEvidence() {}

    /** One fact: a path of names and its value. */
    public record Line(String label, String value) {}

    public static List<Line> of(Map<String, Object> detail) {
        List<Line> lines = new ArrayList<>();
        detail.forEach((key, value) -> {
            if (!key.equals("source") && !key.equals("summary")) {
                flatten(key, value, lines);
            }
        });
        if (lines.size() > MAX_LINES) {
            int more = lines.size() - MAX_LINES;
            List<Line> shown = new ArrayList<>(lines.subList(0, MAX_LINES));
            shown.add(new Line("…", "+" + more));
            return shown;
        }
        return lines;
    }

    private static void flatten(String path, @Nullable Object value, List<Line> lines) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> flatten(path + " › " + key, inner, lines));
        } else if (value instanceof List<?> list) {
            if (list.stream().allMatch(item -> !(item instanceof Map<?, ?>) && !(item instanceof List<?>))) {
                if (!list.isEmpty()) {
                    lines.add(new Line(
                            path,
                            String.join(", ", list.stream().map(String::valueOf).toList())));
                }
            } else {
                for (int i = 0; i < list.size(); i++) {
                    flatten(path + " " + (i + 1), list.get(i), lines);
                }
            }
        } else {
            lines.add(new Line(path, String.valueOf(value)));
        }
    }
}
