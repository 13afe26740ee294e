package kz.qorgau.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every page text exists in Kazakh, Russian and English: for each bundle family under {@code i18n/}
 * (messages, casework, security, …) the kk and ru files have exactly the keys of the English base file,
 * none blank.
 */
class MessageBundlesTest {

    private static final Path I18N = Path.of("src/main/resources/i18n");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            assertThat(in).as(name + ".properties exists").isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static List<String> families() throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".properties") && !n.contains("_"))
                    .map(n -> n.substring(0, n.length() - ".properties".length()))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyKeyOfEveryBundleIsTranslatedIntoKazakhAndRussian() throws IOException {
        List<String> families = families();
        assertThat(families).contains("messages");
        for (String family : families) {
            Properties english = load(family);
            for (String language : List.of("kk", "ru")) {
                Properties translated = load(family + "_" + language);
                assertThat(translated.stringPropertyNames())
                        .as("keys of %s_%s", family, language)
                        .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
                translated.forEach((key, value) -> assertThat(value.toString())
                        .as(family + "_" + language + ": " + key)
                        .isNotBlank());
            }
        }
    }
}
