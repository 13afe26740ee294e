package kz.qorgau.signals.ads;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kz.qorgau.signals.text.NormalizedText;
import kz.qorgau.signals.text.PhraseMatch;
import kz.qorgau.signals.text.PhraseMatcher;
import kz.qorgau.signals.text.TextNormalizer;

/** Cities of Kazakhstan in the spellings ads use, from the bundled {@code cities.csv}. */
final class CityGazetteer {

    private static final CityGazetteer BUNDLED = load();

    private final PhraseMatcher<String> spellings;

    private CityGazetteer(PhraseMatcher<String> spellings) {
        this.spellings = spellings;
    }

    static CityGazetteer bundled() {
        return BUNDLED;
    }

    private static CityGazetteer load() {
        PhraseMatcher.Builder<String> builder = PhraseMatcher.builder();
        try (InputStream in = CityGazetteer.class.getResourceAsStream("cities.csv")) {
            if (in == null) {
                throw new IllegalStateException("cities.csv is missing from the classpath; rebuild the signals module");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] names = line.split(",");
                String canonical = names[0].strip();
                for (String name : names) {
                    builder.add(name.strip(), canonical);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CityGazetteer(builder.build());
    }

    /** The cities a text names, by their reported names, in order of first mention. */
    List<String> mentioned(NormalizedText text) {
        Set<String> out = new LinkedHashSet<>();
        for (PhraseMatch<String> m : spellings.findAll(text)) {
            out.add(m.payload());
        }
        return List.copyOf(out);
    }

    /** The reported name of a city as a source wrote it, or the source's spelling when unknown. */
    String canonical(String declared) {
        List<String> found = mentioned(TextNormalizer.standard().normalize(declared));
        return found.size() == 1 ? found.get(0) : declared.strip();
    }
}
