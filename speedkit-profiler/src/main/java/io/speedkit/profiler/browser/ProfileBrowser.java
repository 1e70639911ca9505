package io.speedkit.profiler.browser;

import io.speedkit.profiler.SortKey;
import io.speedkit.profiler.Stats;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The profile statistics browser of {@code python -m pstats}: a command loop over a {@link Stats}, with
 * pstats' commands, messages, prompts and help texts, and {@code cmd.Cmd}'s parsing, help listing, "Unknown
 * syntax" reply and repetition of the last command on an empty line.
 *
 * <pre>
 * Welcome to the profile statistics browser.
 * % read run.prof
 * run.prof% sort cumulative
 * run.prof% stats 10
 * ...
 * run.prof% quit
 * Goodbye.
 * </pre>
 *
 * <p>Commands: {@code read [file]}, {@code add file}, {@code stats|callers|callees [restriction...]},
 * {@code sort [key...]}, {@code reverse}, {@code strip}, {@code help [command]} (or {@code ?}),
 * {@code quit}, {@code EOF} (Ctrl-D). A restriction word is an int (the first n rows), else a float in
 * [0, 1] (that fraction of the rows), else a regular expression over {@code file:line(function)}.
 *
 * <p>Everything from outside is injected: the lines ({@link LineSource}), the output, and how a file
 * becomes statistics ({@link StatsLoader}). Nothing the user types ends the session but {@code quit},
 * end of input or an interrupt: a file that cannot be loaded, an unknown sort key or a bad regular
 * expression is reported in one line and the browser reads the next command. The state is one immutable
 * {@code Stats}, replaced by every command that changes it.
 *
 * <p>Where pstats itself would crash or answers in Python's terms, this browser differs (see
 * {@link #run}): a corrupt file given to {@code add} is reported like a missing one, and errors that are
 * not the operating system's name the file instead of a Python exception class.
 */
public final class ProfileBrowser {

    static final String WELCOME = "Welcome to the profile statistics browser.";
    static final String GOODBYE = "Goodbye.";
    static final String NOT_LOADED = "No statistics object is loaded.";
    static final String CANNOT_RELOAD = "No statistics object is current -- cannot reload.";
    static final String FRACTION_RANGE = "Fraction argument must be in [0, 1]";
    static final String SORT_KEYS_HEADING = "Valid sort keys (unique prefixes are accepted):";
    /** pstats' prompt with no file read: {@code "% "}; after {@code read f}, {@code "f% "}. */
    static final String PROMPT = "% ";

    /** pstats' {@code sort_arg_dict_default}, in its order: the order of the key listing and of completion. */
    static final List<String> SORT_KEYS = List.of("calls", "ncalls", "cumtime", "cumulative", "filename", "line", "module",
            "name", "nfl", "pcalls", "stdname", "time", "tottime");

    private static final List<String> RESTRICTION_HELP = List.of(
            "Arguments may be:",
            "* An integer maximum number of entries to print.",
            "* A decimal fractional number between 0 and 1, controlling",
            "  what fraction of selected entries to print.",
            "* A regular expression; only entries with function names",
            "  that match it are printed.");

    /**
     * Each command's {@code help_<command>} text, keyed and ordered as {@code cmd.Cmd} lists them: by code
     * point, so {@code EOF} comes first.
     */
    static final Map<String, List<String>> HELP = help();

    private static final String DOC_HEADER = "Documented commands (type help <topic>):";

    private final LineSource in;
    private final PrintStream out;
    private final StatsLoader loader;

    /** The statistics being browsed, printing to {@link #out}; null until a file is read. */
    private Stats stats;
    private String prompt = PROMPT;
    /** {@code cmd.Cmd.lastcmd}: the line an empty line repeats. */
    private String lastCommand = "";

    /**
     * @param in     the commands
     * @param out    where every message and report goes; the prompts go wherever {@code in} shows them
     * @param loader reads the files named by the command line, {@code read} and {@code add}
     */
    public ProfileBrowser(LineSource in, PrintStream out, StatsLoader loader) {
        if (in == null || out == null || loader == null) {
            throw new IllegalArgumentException("the browser needs a line source, an output stream and a loader, got in=" + in
                    + ", out=" + out + ", loader=" + loader);
        }
        this.in = in;
        this.out = out;
        this.loader = loader;
    }

    /**
     * Runs the session as {@code python -m pstats FILE...} does: reads the first file (printing why it
     * cannot), adds the others, prints the welcome line, then executes commands until {@code quit} or the
     * end of input, and prints "Goodbye.". An interrupt ({@link InterruptedIOException} from the line source)
     * ends the session silently, as Ctrl-C ends pstats.
     *
     * <p>Unlike pstats: a file that is not a profile, given to {@code add}, is reported as "Failed to load
     * statistics for FILE: why" (pstats crashes with a traceback); given to {@code read} it is reported as
     * "FILE: why" (pstats prints the Python exception, {@code EOFError: EOF read where not expected}).
     *
     * @param files the profiles to start with; may be empty
     * @return the exit code: 0, as pstats always exits
     * @throws UncheckedIOException when the commands cannot be read
     */
    public int run(List<Path> files) {
        if (!files.isEmpty()) {
            read(files.get(0).toString());
            for (Path f : files.subList(1, files.size())) {
                add(f.toString());
            }
        }
        println(WELCOME);
        in.setCompleter(this::complete);
        try {
            boolean stop = false;
            while (!stop) {
                // The line source may write its prompt elsewhere (a terminal's own stream): our text first.
                out.flush();
                String line = in.readLine(prompt);
                stop = execute(line == null ? "EOF" : line);
            }
        } catch (InterruptedIOException e) {
            out.flush();
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the browser's commands: " + e.getMessage(), e);
        } finally {
            in.setCompleter(null);
        }
        println(GOODBYE);
        out.flush();
        return 0;
    }

    /**
     * Executes one input line, as {@code cmd.Cmd.onecmd}: an empty line repeats the last command, a leading
     * {@code ?} means {@code help}, the command is the leading run of letters, digits and underscores.
     *
     * @return true when the browser is to stop
     */
    boolean execute(String input) {
        String line = input.strip();
        if (line.isEmpty()) {
            // cmd.Cmd.emptyline, which pstats does not override: repeat the last command, if any.
            return !lastCommand.isEmpty() && execute(lastCommand);
        }
        if (line.charAt(0) == '?') {
            line = "help " + line.substring(1);
        } else if (line.charAt(0) == '!') {
            // "!" is cmd.Cmd's shell escape; pstats has no shell command. Not remembered for repetition.
            unknownSyntax(line);
            return false;
        }
        int i = 0;
        while (i < line.length() && isIdentChar(line.charAt(i))) {
            i++;
        }
        String command = line.substring(0, i);
        String arg = line.substring(i).strip();
        lastCommand = line.equals("EOF") ? "" : line;
        switch (command) {
            case "read" -> read(arg);
            case "add" -> add(arg);
            case "stats" -> print(Report.STATS, arg);
            case "callers" -> print(Report.CALLERS, arg);
            case "callees" -> print(Report.CALLEES, arg);
            case "sort" -> sort(arg);
            case "reverse" -> reverse();
            case "strip" -> strip();
            case "help" -> help(arg);
            case "quit" -> {
                return true;
            }
            case "EOF" -> {
                // pstats' do_EOF: end the prompt's line, so that "Goodbye." starts a line of its own.
                println("");
                return true;
            }
            default -> unknownSyntax(line);
        }
        return false;
    }

    /** {@code read file}: replace the statistics; {@code read} alone reloads the current file. */
    private void read(String file) {
        if (!file.isEmpty()) {
            Stats loaded;
            try {
                loaded = load(file);
            } catch (LoadFailure e) {
                println(e.readMessage);
                return;
            }
            stats = loaded.withOutput(out);
            prompt = file + PROMPT;
        } else if (prompt.length() > PROMPT.length()) {
            read(prompt.substring(0, prompt.length() - PROMPT.length()));
        } else {
            println(CANNOT_RELOAD);
        }
    }

    /** {@code add file}: add a file's statistics to the current ones (the order is forgotten, as in pstats). */
    private void add(String file) {
        if (stats == null) {
            println(NOT_LOADED);
            return;
        }
        try {
            stats = stats.add(load(file));
        } catch (LoadFailure e) {
            println("Failed to load statistics for " + file + ": " + e.addMessage);
        }
    }

    private enum Report { STATS, CALLERS, CALLEES }

    /** pstats' {@code generic}: parse every word (reporting bad fractions), then print if something is loaded. */
    private void print(Report report, String arg) {
        List<Object> restrictions = new ArrayList<>();
        for (String word : Arguments.split(arg)) {
            switch (Arguments.parse(word)) {
                case Arguments.Count c -> restrictions.add(c.value());
                case Arguments.Fraction f -> restrictions.add(f.value());
                case Arguments.Regex r -> restrictions.add(r.pattern());
                case Arguments.OutOfRange ignored -> println(FRACTION_RANGE);
            }
        }
        if (stats == null) {
            println(NOT_LOADED);
            return;
        }
        Object[] r = restrictions.toArray();
        switch (report) {
            case STATS -> stats.printStats(r);
            case CALLERS -> stats.printCallers(r);
            case CALLEES -> stats.printCallees(r);
        }
    }

    /** {@code sort key...}: sort when every word is a key or unique prefix; otherwise list the keys. */
    private void sort(String arg) {
        if (stats == null) {
            println(NOT_LOADED);
            return;
        }
        List<String> words = Arguments.split(arg);
        if (!words.isEmpty() && words.stream().allMatch(ProfileBrowser::isSortKey)) {
            stats = stats.sortStats(words.toArray(new String[0]));
            return;
        }
        println(SORT_KEYS_HEADING);
        for (String key : SORT_KEYS) {
            println(key + " -- " + SortKey.parse(key).description());
        }
    }

    private static boolean isSortKey(String word) {
        try {
            SortKey.parse(word);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void reverse() {
        if (stats == null) {
            println(NOT_LOADED);
            return;
        }
        stats = stats.reverseOrder();
    }

    private void strip() {
        if (stats == null) {
            println(NOT_LOADED);
            return;
        }
        stats = stats.stripDirs();
    }

    /** {@code cmd.Cmd.do_help}: one command's help, or the columnized list of documented commands. */
    private void help(String topic) {
        if (topic.isEmpty()) {
            StringBuilder text = new StringBuilder();
            // doc_leader (empty), the header, its ruler, the names, and a blank line.
            text.append('\n').append(DOC_HEADER).append('\n').append("=".repeat(DOC_HEADER.length())).append('\n');
            columnize(text, List.copyOf(HELP.keySet()), 79);
            text.append('\n');
            out.print(text);
            return;
        }
        List<String> lines = HELP.get(topic);
        if (lines == null) {
            println("*** No help on " + topic);
            return;
        }
        for (String l : lines) {
            println(l);
        }
    }

    /** {@code cmd.Cmd.default}. */
    private void unknownSyntax(String line) {
        println("*** Unknown syntax: " + line);
    }

    /**
     * Tab completion as {@code cmd.Cmd.complete}: the first word completes to a command name, the words
     * after {@code sort} to sort keys (in pstats' order), the word after {@code help} to a command.
     */
    List<String> complete(String lineBeforeWord, String word) {
        String before = lineBeforeWord.stripLeading();
        if (before.isEmpty()) {
            return startingWith(HELP.keySet(), word);
        }
        if (before.charAt(0) == '?') {
            before = "help " + before.substring(1);
        }
        int i = 0;
        while (i < before.length() && isIdentChar(before.charAt(i))) {
            i++;
        }
        return switch (before.substring(0, i)) {
            case "sort" -> startingWith(SORT_KEYS, word);
            case "help" -> startingWith(HELP.keySet(), word);
            default -> List.of();
        };
    }

    private static List<String> startingWith(Iterable<String> names, String prefix) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (n.startsWith(prefix)) {
                out.add(n);
            }
        }
        return out;
    }

    /** {@code cmd.IDENTCHARS}: ASCII letters, digits and the underscore. */
    private static boolean isIdentChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /**
     * {@code cmd.Cmd.columnize}: the fewest rows whose columns, two spaces apart, fit in {@code width};
     * items run down the columns.
     */
    static void columnize(StringBuilder out, List<String> items, int width) {
        int size = items.size();
        if (size == 0) {
            out.append("<empty>\n");
            return;
        }
        if (size == 1) {
            out.append(items.get(0)).append('\n');
            return;
        }
        int rows = size;
        int[] widths = {0};
        for (int nrows = 1; nrows < size; nrows++) {
            int ncols = (size + nrows - 1) / nrows;
            int[] colWidths = new int[ncols];
            int total = -2;
            for (int col = 0; col < ncols && total <= width; col++) {
                for (int row = 0; row < nrows && row + nrows * col < size; row++) {
                    colWidths[col] = Math.max(colWidths[col], items.get(row + nrows * col).length());
                }
                total += colWidths[col] + 2;
            }
            if (total <= width) {
                rows = nrows;
                widths = colWidths;
                break;
            }
        }
        for (int row = 0; row < rows; row++) {
            List<String> texts = new ArrayList<>();
            for (int col = 0; col < widths.length; col++) {
                int i = row + rows * col;
                texts.add(i < size ? items.get(i) : "");
            }
            while (!texts.isEmpty() && texts.get(texts.size() - 1).isEmpty()) {
                texts.remove(texts.size() - 1);
            }
            for (int col = 0; col < texts.size(); col++) {
                String t = texts.get(col);
                texts.set(col, t + " ".repeat(Math.max(0, widths[col] - t.length())));
            }
            out.append(String.join("  ", texts)).append('\n');
        }
    }

    /** A file that could not be loaded, worded for {@code read} and for {@code add} as pstats words them. */
    private static final class LoadFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final String readMessage;
        final String addMessage;

        LoadFailure(String readMessage, String addMessage) {
            super(readMessage, null, false, false);
            this.readMessage = readMessage;
            this.addMessage = addMessage;
        }
    }

    private Stats load(String file) throws LoadFailure {
        if (file.isEmpty()) {
            // Python's open('') fails with ENOENT; Path.of("") would be the working directory.
            throw osError(2, "No such file or directory", file);
        }
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new LoadFailure(file + ": " + e.getReason(), e.getReason());
        }
        try {
            Stats loaded = loader.load(path);
            if (loaded == null) {
                throw new IllegalStateException("the loader returned no statistics for " + file);
            }
            return loaded;
        } catch (IOException e) {
            throw failure(e, file);
        } catch (UncheckedIOException e) {
            throw failure(e.getCause(), file);
        } catch (RuntimeException e) {
            // The loader is the caller's code (thread selection, another format): whatever it rejects the
            // file with is reported like a corrupt file, and the session goes on.
            String why = message(e);
            throw new LoadFailure(file + ": " + why, why);
        }
    }

    /**
     * The operating system's errors as Python words an {@code OSError}: {@code read} prints its strerror
     * ("No such file or directory"), {@code add} its {@code str()} ("[Errno 2] No such file or directory:
     * 'x'"). Errors in the file's content name the file.
     */
    private static LoadFailure failure(IOException e, String file) {
        if (e instanceof NoSuchFileException) {
            return osError(2, "No such file or directory", file);
        }
        if (e instanceof AccessDeniedException) {
            return osError(13, "Permission denied", file);
        }
        if ("Is a directory".equals(e.getMessage())) {
            // Reading a directory on Linux fails at the first read, with exactly this message.
            return osError(21, "Is a directory", file);
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return new LoadFailure(fs.getReason(), fs.getReason() + ": " + pythonRepr(file));
        }
        String why = message(e);
        return new LoadFailure(file + ": " + why, why);
    }

    private static LoadFailure osError(int errno, String strerror, String file) {
        return new LoadFailure(strerror, "[Errno " + errno + "] " + strerror + ": " + pythonRepr(file));
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.toString() : m.strip().replace('\n', ' ');
    }

    /** Python's {@code repr()} of a file name, as {@code OSError} shows it: quoted, quote and backslash escaped. */
    static String pythonRepr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c == quote) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.append(quote).toString();
    }

    /** Python's {@code print}: the text and "\n", whatever the platform's line separator. */
    private void println(String text) {
        out.print(text + "\n");
    }

    private static Map<String, List<String>> help() {
        Map<String, List<String>> h = new TreeMap<>();
        h.put("EOF", List.of("Leave the profile browser."));
        h.put("add", List.of("Add profile info from given file to current statistics object."));
        h.put("callees", withRestrictionHelp("Print callees statistics from the current stat object."));
        h.put("callers", withRestrictionHelp("Print callers statistics from the current stat object."));
        h.put("help", List.of("Show help for a given command."));
        h.put("quit", List.of("Leave the profile browser."));
        h.put("read", List.of("Read in profile data from a specified file.", "Without argument, reload the current file."));
        h.put("reverse", List.of("Reverse the sort order of the profiling report."));
        h.put("sort", List.of("Sort profile data according to specified keys.",
                "(Typing `sort' without arguments lists valid keys.)"));
        h.put("stats", withRestrictionHelp("Print statistics from the current stat object."));
        h.put("strip", List.of("Strip leading path information from filenames in the report."));
        return java.util.Collections.unmodifiableMap(h);
    }

    private static List<String> withRestrictionHelp(String first) {
        List<String> lines = new ArrayList<>();
        lines.add(first);
        lines.addAll(RESTRICTION_HELP);
        return List.copyOf(lines);
    }
}
