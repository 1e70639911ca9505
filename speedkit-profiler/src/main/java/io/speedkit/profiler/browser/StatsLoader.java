package io.speedkit.profiler.browser;

import io.speedkit.profiler.Stats;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads the statistics of one file for the browser's {@code read} and {@code add}: the caller decides how
 * (unit, threads, format), the browser only names the file.
 */
@FunctionalInterface
public interface StatsLoader {

    /**
     * The statistics of {@code file}, with its title line ({@link Stats#withFileLines}) if the report is to
     * show one, as pstats does.
     *
     * @throws IOException for a file that cannot be read or is not a profile; its message is one line that
     *                     the browser prints (a {@link java.nio.file.NoSuchFileException} and the like are
     *                     worded as Python's {@code OSError})
     */
    Stats load(Path file) throws IOException;

    /** Saved speedkit profiles, read by {@link Stats#load}: each file's report is titled with its mtime and name. */
    static StatsLoader files() {
        return file -> Stats.load(file);
    }
}
