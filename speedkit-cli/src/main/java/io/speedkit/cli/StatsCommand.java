package io.speedkit.cli;

import io.speedkit.profiler.Stats;
import io.speedkit.profiler.Threads;
import io.speedkit.profiler.Unit;
import io.speedkit.profiler.browser.ProfileBrowser;
import io.speedkit.profiler.browser.StatsLoader;
import io.speedkit.profiler.data.ProfileData;
import io.speedkit.profiler.data.ProfileReader;
import io.speedkit.profiler.export.CollapsedWriter;
import io.speedkit.profiler.export.HtmlWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code speedkit stats FILE...}: pstats for saved profiles (several are added, as pstats does). */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the cProfile report of profiles saved with speedkit profile -o, as pstats prints it.", ""})
final class StatsCommand implements Callable<Integer> {
    @Mixin
    ReportOptions report = new ReportOptions();

    @Option(names = "--threads", description = "List the profile's threads with their calls and time instead.")
    boolean threads;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text (the report; default), pstats (a file Python's pstats, snakeviz and gprof2dot open), "
                    + "collapsed (folded stacks, one line per call path with its self time in ns, for flame-graph tools), "
                    + "html (one self-contained page: an interactive flame graph and the sortable table).")
    String format = "text";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Option(names = {"-i", "--interactive"},
            description = "Browse the profiles interactively, as python -m pstats does (also without FILE).")
    boolean interactive;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Saved profiles; several are added together.")
    List<Path> files = new ArrayList<>();

    private final Cli cli;

    StatsCommand(Cli cli) {
        this.cli = cli;
    }

    /** What {@code --format} can write; one switch picks the writer. */
    enum Format {
        TEXT, PSTATS, COLLAPSED, HTML;

        static Format parse(String name) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(name)) {
                    return f;
                }
            }
            throw UserError.usage("unknown format '" + name + "'; valid formats: text, pstats, collapsed, html");
        }
    }

    @Override
    public Integer call() throws IOException {
        report.validate();
        if (interactive || files.isEmpty()) {
            return browse();
        }
        Format chosen = Format.parse(format);
        ProfileData all = null;
        List<String> titles = new ArrayList<>();
        for (Path f : files) {
            ProfileData one = load(f);
            all = all == null ? one : all.plus(one);
            try {
                titles.add(Stats.titleLine(f));
            } catch (IOException e) {
                throw UserError.input(f + ": " + e.getMessage());
            }
        }
        if (output != null && output.getParent() != null && !Files.isDirectory(output.getParent())) {
            throw UserError.input("cannot write " + output + ": no such directory " + output.getParent());
        }
        try (OutputStream target = output == null ? nonClosing(cli.out) : Files.newOutputStream(output)) {
            PrintStream text = new PrintStream(target, false, StandardCharsets.UTF_8);
            if (threads) {
                Threads.print(all, report.unit(), text);
            } else {
                switch (chosen) {
                    case TEXT -> report.print(report.stats(all).withFileLines(titles), text);
                    case PSTATS -> report.stats(all).dumpStats(target);
                    case COLLAPSED -> CollapsedWriter.write(report.selectThreads(all), target);
                    case HTML -> HtmlWriter.write(report.selectThreads(all), String.join(" + ", fileNames()), target);
                }
            }
            text.flush();
        }
        return ExitCodes.OK;
    }

    /**
     * pstats' browser. Like {@code python -m pstats} it starts unsorted, so -s, --reverse and --strip-dirs
     * are left to its own commands; --unit and --thread apply to every file it reads.
     */
    private int browse() throws IOException {
        Unit unit = report.unit();
        StatsLoader loader = f -> {
            if (report.thread == null) {
                return Stats.load(f).withUnit(unit);
            }
            return Stats.of(report.selectThreads(load(f))).withFileLines(List.of(Stats.titleLine(f))).withUnit(unit);
        };
        try (TerminalLines lines = TerminalLines.open(cli.in, cli.out, cli.inheritIo)) {
            return new ProfileBrowser(lines, cli.out, loader).run(files);
        }
    }

    private List<String> fileNames() {
        List<String> names = new ArrayList<>();
        for (Path p : files) {
            names.add(p.toString());
        }
        return names;
    }

    /** Standard output, which a try-with-resources must flush but not close. */
    private static OutputStream nonClosing(PrintStream stdout) {
        return new FilterOutputStream(stdout) {
            @Override
            public void write(byte[] b, int off, int len) {
                stdout.write(b, off, len);
            }

            @Override
            public void close() {
                stdout.flush();
            }
        };
    }

    /**
     * Reads one saved profile.
     *
     * @throws UserError naming the file and what is wrong with it
     */
    static ProfileData load(Path f) {
        try (InputStream in = Files.newInputStream(f)) {
            return ProfileReader.read(new java.io.BufferedInputStream(in, 1 << 16));
        } catch (NoSuchFileException e) {
            throw UserError.input(f + ": no such file");
        } catch (AccessDeniedException e) {
            throw UserError.input(f + ": permission denied");
        } catch (IOException e) {
            String m = e.getMessage();
            throw UserError.input(f + ": " + (m == null ? e.toString() : m));
        } catch (IllegalArgumentException e) {
            throw UserError.input(f + ": corrupt profile: " + e.getMessage());
        }
    }
}
