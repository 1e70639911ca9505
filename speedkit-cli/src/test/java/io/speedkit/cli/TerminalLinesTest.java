package io.speedkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.speedkit.profiler.browser.ProfileBrowser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fallback when stdin is not a terminal (here, and in every pipe): plain lines, prompts printed. */
class TerminalLinesTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private static ByteArrayInputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void open_withoutTerminal_readsPlainLines_printsPrompts() throws IOException {
        // mayUseTerminal is true as in the real command; the test JVM's stdin is no terminal, so plain lines.
        try (TerminalLines lines = TerminalLines.open(input("stats 5\r\n\nsort time"), out, true)) {
            assertFalse(lines.isTerminal());
            assertEquals("stats 5", lines.readLine("% "));
            assertEquals("", lines.readLine("run.prof% "));
            assertEquals("sort time", lines.readLine("% "));
            assertNull(lines.readLine("% "));
        }
        assertEquals("% run.prof% % % ", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void open_notAllowedToUseTerminal_isPlain() throws IOException {
        try (TerminalLines lines = TerminalLines.open(input(""), out, false)) {
            assertFalse(lines.isTerminal());
            lines.setCompleter((before, word) -> List.of("ignored"));
            assertNull(lines.readLine("% "));
        }
    }

    @Test
    void browserSession_throughPlainLines_asPythonWithAPipedStdin() throws IOException {
        try (TerminalLines lines = TerminalLines.open(input("help quit\nstats\n"), out, false)) {
            int code = new ProfileBrowser(lines, out, file -> {
                throw new NoSuchFileException(file.toString());
            }).run(List.of());
            assertEquals(0, code);
        }
        assertEquals("Welcome to the profile statistics browser.\n% Leave the profile browser.\n"
                + "% No statistics object is loaded.\n% \nGoodbye.\n", bytes.toString(StandardCharsets.UTF_8));
    }
}
