package io.speedkit.cli;

import io.speedkit.profiler.browser.LineSource;
import io.speedkit.profiler.browser.ReaderLines;
import java.io.Closeable;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The lines of {@code speedkit stats -i}: on a terminal, JLine's line editor — editing keys, history (up
 * and down, Ctrl-R; kept for the session only, as pstats keeps readline's) and tab completion of commands
 * and sort keys; anywhere else (a pipe, a file, a test), plain lines with the prompts printed, as
 * {@code python -m pstats} reads a non-terminal stdin.
 *
 * <pre>{@code
 * try (TerminalLines lines = TerminalLines.open(cli.in, cli.out, cli.inheritIo)) {
 *     return new ProfileBrowser(lines, cli.out, loader).run(files);
 * }
 * }</pre>
 */
public final class TerminalLines implements LineSource, Closeable {

    /** Only JLine's exec provider (stty): the ffm and jni ones need native access, which JDK 24+ warns about. */
    private static final String PROVIDER = "exec";

    private final Terminal terminal;
    private final LineReader reader;
    private final LineSource plain;
    private volatile Completer completer;

    private TerminalLines(Terminal terminal) {
        this.terminal = terminal;
        this.plain = null;
        // Words are split at blanks only: no quotes or escapes, so a regular expression such as "a\.b|'x"
        // is neither rewritten nor waited on for its closing quote. The line itself is returned as typed.
        DefaultParser parser = new DefaultParser();
        parser.setQuoteChars(new char[0]);
        parser.setEscapeChars(new char[0]);
        parser.setEofOnUnclosedQuote(false);
        parser.setEofOnEscapedNewLine(false);
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("speedkit")
                .parser(parser)
                .completer((r, line, candidates) -> complete(line, candidates))
                // "!ls" must reach the browser (which answers "*** Unknown syntax: !ls", as pstats does),
                // not be expanded as a shell history event.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                // Tab on an empty line completes the command names, as readline does under cmd.Cmd.
                .option(LineReader.Option.INSERT_TAB, false)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .build();
    }

    private TerminalLines(LineSource plain) {
        this.terminal = null;
        this.reader = null;
        this.plain = plain;
    }

    /**
     * Lines from the user's terminal when this process may use it ({@code mayUseTerminal}, i.e. it runs as
     * the real {@code speedkit} command) and both stdin and stdout are a terminal that JLine can drive;
     * otherwise plain lines of {@code in}, prompts printed to {@code out}.
     */
    public static TerminalLines open(InputStream in, PrintStream out, boolean mayUseTerminal) {
        if (mayUseTerminal && consoleIsTerminal()) {
            Terminal t = systemTerminal();
            if (t != null) {
                return new TerminalLines(t);
            }
        }
        return plain(in, out);
    }

    /** Plain lines of {@code in}, decoded as the platform decodes stdin, prompts printed to {@code out}. */
    public static TerminalLines plain(InputStream in, PrintStream out) {
        return new TerminalLines(new ReaderLines(in, stdinCharset(), out));
    }

    /** True when lines come from JLine's line editor, false for plain lines. */
    public boolean isTerminal() {
        return reader != null;
    }

    @Override
    public String readLine(String prompt) throws IOException {
        if (reader == null) {
            return plain.readLine(prompt);
        }
        try {
            // JLine expands %-sequences in prompts (%N, %M, ...): pstats' "run.prof% " must stay literal.
            return reader.readLine(prompt.replace("%", "%%"));
        } catch (EndOfFileException e) {
            return null;
        } catch (UserInterruptException e) {
            throw new InterruptedIOException("interrupted");
        }
    }

    @Override
    public void setCompleter(Completer completer) {
        this.completer = completer;
    }

    private void complete(org.jline.reader.ParsedLine line, List<Candidate> candidates) {
        Completer c = completer;
        if (c == null) {
            return;
        }
        String typed = line.word().substring(0, line.wordCursor());
        String before = line.line().substring(0, line.cursor() - line.wordCursor());
        int order = 0;
        for (String word : c.complete(before, typed)) {
            // complete=true: a unique match is followed by a space, as readline does.
            candidates.add(new Candidate(word, word, null, null, null, null, true, order++));
        }
    }

    /** Gives the terminal back as it was (JLine's raw mode off); plain lines leave their stream open. */
    @Override
    public void close() {
        if (terminal != null) {
            try {
                terminal.close();
            } catch (IOException e) {
                // The session is over and its output written; a terminal that cannot be restored is the
                // shell's to reset (`stty sane`), and no exit code of ours would help.
            }
        }
    }

    /**
     * Whether stdin and stdout are a terminal. JDK 22+ may hand out a {@link Console} for redirected streams
     * too and says so through {@code Console.isTerminal()}, which speedkit (built for Java 21) calls
     * reflectively; on Java 21 a console exists only for a terminal.
     */
    static boolean consoleIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /**
     * JLine's system terminal, or null when JLine can only offer a dumb one (TERM=dumb, an emacs shell
     * buffer, no stty). {@code dumb(true)} lets JLine fall back without its "Unable to create a system
     * terminal" warning; a dumb terminal is then closed unused, since plain lines do everything it would.
     */
    private static Terminal systemTerminal() {
        try {
            Terminal t = TerminalBuilder.builder()
                    .system(true)
                    .provider(PROVIDER)
                    .dumb(true)
                    .build();
            if (Terminal.TYPE_DUMB.equals(t.getType()) || Terminal.TYPE_DUMB_COLOR.equals(t.getType())) {
                t.close();
                return null;
            }
            return t;
        } catch (IOException | RuntimeException | LinkageError e) {
            // No usable terminal (or JLine missing from a repackaged jar): plain lines still work.
            return null;
        }
    }

    /** JDK 19+ names stdin's encoding; older ones decode it with the default charset. */
    private static Charset stdinCharset() {
        String name = System.getProperty("stdin.encoding");
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }
}
