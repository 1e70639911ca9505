package io.speedkit.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.speedkit.profiler.FunctionStats;
import io.speedkit.profiler.Stats;
import io.speedkit.profiler.data.FunctionKey;
import io.speedkit.profiler.data.ProfileData;
import io.speedkit.profiler.data.ProfileReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Saved profiles read with speedkit-profiler's own strict reader, and their cProfile rows by printed name. */
final class Profiles {
    private Profiles() {
    }

    static ProfileData read(Path file) {
        assertTrue(Files.isRegularFile(file), "no profile was saved at " + file);
        try (InputStream in = Files.newInputStream(file)) {
            return ProfileReader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not a readable profile", e);
        }
    }

    /** Every row, keyed by its printed name ({@code file:line(name)} or {@code {method ...}}). */
    static Map<String, FunctionStats> rows(ProfileData data) {
        Map<String, FunctionStats> out = new LinkedHashMap<>();
        for (Map.Entry<FunctionKey, FunctionStats> e : Stats.of(data).functions().entrySet()) {
            out.put(e.getKey().stdName(), e.getValue());
        }
        return out;
    }

    /** The one row whose printed name ends with {@code suffix}; fails when there is none or several. */
    static FunctionStats row(ProfileData data, String suffix) {
        FunctionStats found = null;
        for (Map.Entry<String, FunctionStats> e : rows(data).entrySet()) {
            if (e.getKey().endsWith(suffix)) {
                assertTrue(found == null, "several rows end with " + suffix + ": " + rows(data).keySet());
                found = e.getValue();
            }
        }
        assertTrue(found != null, "no row ends with " + suffix + "; rows: " + rows(data).keySet());
        return found;
    }
}
