package io.speedkit.profiler.browser;

import java.io.IOException;
import java.util.List;

/**
 * Where {@link ProfileBrowser} reads its commands: a terminal line editor (the CLI's), plain lines from a
 * pipe or file ({@link ReaderLines}), or a test's script.
 */
public interface LineSource {

    /**
     * Shows {@code prompt} and reads one line, without its line terminator.
     *
     * @return the line, or null at the end of input (Ctrl-D on an empty line), which the browser takes as
     *         its {@code EOF} command
     * @throws java.io.InterruptedIOException when the user interrupts (Ctrl-C): the browser then ends at
     *                                        once, without "Goodbye.", as pstats does on KeyboardInterrupt
     * @throws IOException                    when the input cannot be read
     */
    String readLine(String prompt) throws IOException;

    /**
     * Offers tab completion for the lines read from now on; null takes it back (the browser does so when
     * its session ends). Sources that cannot complete (plain lines) ignore it, which is what this default
     * does.
     */
    default void setCompleter(Completer completer) {
    }

    /** Completes the word under the cursor, as {@code cmd.Cmd.complete} does for readline. */
    @FunctionalInterface
    interface Completer {
        /**
         * The words that may replace {@code word}, each starting with it.
         *
         * @param lineBeforeWord everything typed before the word ({@code "sort "} while completing a key,
         *                       empty or blank while completing the command name)
         * @param word           the part of the word typed so far, possibly empty
         */
        List<String> complete(String lineBeforeWord, String word);
    }
}
