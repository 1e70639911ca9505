package io.speedkit.timeit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seals the human report and the JSON document of every {@link DemoBench} with golden files, under the
 * root locale and a decimal-comma locale: the bytes must not depend on the user's locale.
 *
 * <p>To regenerate the golden files after an intended change, run with
 * {@code -Dspeedkit.golden.update=true} and review the diff.
 */
class BenchReportGoldenTest {
    private static final Path GOLDEN_SOURCE = Path.of("src/test/resources/io/speedkit/timeit/bench");
    private final Locale saved = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    static List<Arguments> demosAndLocales() {
        List<Arguments> out = new ArrayList<>();
        for (DemoBench d : DemoBench.values()) {
            out.add(Arguments.of(d, Locale.ROOT));
            out.add(Arguments.of(d, Locale.GERMANY));
        }
        return out;
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("demosAndLocales")
    void text_matchesGoldenFile(DemoBench demo, Locale locale) throws IOException {
        Locale.setDefault(locale);
        check(demo.name().toLowerCase(Locale.ROOT) + ".txt", demo.text(), locale);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("demosAndLocales")
    void json_matchesGoldenFile(DemoBench demo, Locale locale) throws IOException {
        Locale.setDefault(locale);
        check(demo.name().toLowerCase(Locale.ROOT) + ".json", demo.json(), locale);
    }

    @Test
    void json_holdsEveryRawTime_exactly() {
        String json = DemoBench.THREE_SETS.json();
        assertTrue(json.contains("\"times\": [2.8125, 2.84525, 2.79975]"), json);
        assertTrue(json.contains("\"peak_rss_bytes\": [39636173, 39950746, 39741030]"), json);
        assertTrue(DemoBench.ONE_RUN_NOTHING_BUT_WALL.json().contains(
                "\"user_times\": [null],\n      \"system_times\": [null],\n      \"peak_rss_bytes\": [null]"));
    }

    @Test
    void reports_areTheSame_inLocalesWithOtherDigitsAndSeparators() {
        Locale.setDefault(Locale.ROOT);
        String text = DemoBench.THREE_SETS.text();
        String json = DemoBench.THREE_SETS.json();
        for (String tag : List.of("de-DE", "fr-FR", "ar-EG", "hi-IN-u-nu-deva", "th-TH-u-nu-thai")) {
            Locale.setDefault(Locale.forLanguageTag(tag));
            assertEquals(text, DemoBench.THREE_SETS.text(), tag);
            assertEquals(json, DemoBench.THREE_SETS.json(), tag);
        }
    }

    private static void check(String file, String actual, Locale locale) throws IOException {
        if (Boolean.getBoolean("speedkit.golden.update") && locale.equals(Locale.ROOT)) {
            Files.writeString(GOLDEN_SOURCE.resolve(file), actual, StandardCharsets.UTF_8);
        }
        try (InputStream in = BenchReportGoldenTest.class.getResourceAsStream(file)) {
            assertNotNull(in, "golden file " + file + " is missing; run with -Dspeedkit.golden.update=true");
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual, file);
        }
    }
}
