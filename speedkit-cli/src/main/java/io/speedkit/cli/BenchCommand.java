package io.speedkit.cli;

import io.speedkit.timeit.bench.Bench;
import io.speedkit.timeit.bench.BenchJson;
import io.speedkit.timeit.bench.BenchPlan;
import io.speedkit.timeit.bench.BenchReport;
import io.speedkit.timeit.bench.BenchResult;
import io.speedkit.timeit.bench.OptionSet;
import io.speedkit.timeit.bench.ProcessLauncher;
import io.speedkit.timeit.bench.SetResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code speedkit bench [--runs N] [--warmup N] [--jvm "OPTIONS"]... [--json] [--] <what you would give java>}:
 * hyperfine for JVM programs. Each JVM option set runs the program in fresh JVMs — warm-up runs, then
 * measured runs, one at a time — and the report gives wall time mean +- standard deviation, min .. max,
 * user and system CPU, peak RSS, and each set's ratio to the first. How CPU and memory of a child process
 * are measured is explained in {@link ProcessLauncher}.
 *
 * <p>Like {@code speedkit profile}, bench's own options end at the first argument it does not know; the
 * rest is java's. A run that exits with a non-zero code stops its set, is reported on stderr with its exit
 * code, set and run, and makes speedkit exit with 1; the other sets still run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time a whole Java program in fresh JVMs, under one or more sets of JVM options.", "",
                "Everything from the first argument speedkit does not know is passed to java as it is:",
                "  speedkit bench App.java",
                "  speedkit bench --runs 5 -jar app.jar ARGS",
                "  speedkit bench --jvm -Xint --jvm \"-XX:TieredStopAtLevel=1\" --jvm \"\" \\",
                "      -cp CP com.acme.Main", ""},
        footer = {"", "Each set gets --warmup runs (not counted), then --runs measured runs, each in",
                "a new JVM of the JDK speedkit runs on. The program's input is empty; its output",
                "is thrown away unless --show-output is given.", "",
                "Reported per set: wall time mean +- sd and min .. max, mean user and system",
                "CPU time, the largest peak resident memory of any run, and the ratio to the",
                "first set. CPU and memory come from Linux's /proc; elsewhere they are n/a.", "",
                "Exit codes: 0 every run succeeded; 1 a run failed (its exit code, set and run",
                "are printed on stderr; the other sets still run) or the program cannot be",
                "found; 2 bad options."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--runs", paramLabel = "N", description = "Measured runs per set (default: ${DEFAULT-VALUE}).")
    int runs = 10;

    @Option(names = "--warmup", paramLabel = "N", description = "Warm-up runs per set, not counted (default: ${DEFAULT-VALUE}).")
    int warmup = 1;

    @Option(names = "--jvm", paramLabel = "OPTIONS",
            description = "One set of JVM options to compare, split into words as a shell would (\"\" for the "
                    + "defaults); repeatable. Without --jvm there is one set: the defaults.")
    List<String> jvmSets = new ArrayList<>();

    @Option(names = "-J", paramLabel = "OPTION", description = "Pass OPTION to the JVM of every set, e.g. -J-Xmx2g; repeatable.")
    List<String> commonJvmOptions = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON document (every run's raw numbers and the summaries) and nothing else.")
    boolean json;

    @Option(names = "--show-output", description = "Let the program write to speedkit's stdout and stderr.")
    boolean showOutput;

    @Parameters(arity = "1..*", paramLabel = "JAVA_ARGS", description = "What you would give java.")
    List<String> javaArgs = new ArrayList<>();

    private final Cli cli;

    BenchCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (runs < 1) {
            throw UserError.usage("--runs must be at least 1, got " + runs);
        }
        if (warmup < 0) {
            throw UserError.usage("--warmup must be 0 or more, got " + warmup);
        }
        if (json && showOutput) {
            throw UserError.usage("--json and --show-output cannot be combined: the program's output would mix with the JSON document");
        }
        List<OptionSet> sets = new ArrayList<>();
        for (String text : jvmSets) {
            try {
                sets.add(OptionSet.parse(text));
            } catch (IllegalArgumentException e) {
                throw UserError.usage("--jvm: " + e.getMessage());
            }
        }
        if (sets.isEmpty()) {
            sets.add(OptionSet.DEFAULTS);
        }
        try {
            new JavaCommand(javaArgs).validate(cli.env);
        } catch (UserError e) {
            if (e.getMessage().startsWith("nothing to run")) {
                throw UserError.usage("nothing to run; give what you would give java, e.g. speedkit bench App.java, "
                        + "speedkit bench -jar app.jar or speedkit bench -cp classes com.acme.Main");
            }
            throw e;
        }

        List<String> launch = new ArrayList<>();
        launch.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        launch.addAll(commonJvmOptions);
        BenchPlan plan = new BenchPlan(launch, sets, javaArgs, warmup, runs);

        ProcessLauncher launcher;
        if (!showOutput) {
            launcher = ProcessLauncher.discardingOutput();
        } else if (cli.inheritIo) {
            launcher = ProcessLauncher.inheritingOutput();
        } else {
            launcher = ProcessLauncher.copyingOutput(cli.out, cli.err);
        }
        // The progress line shares the terminal with nothing else: not with --json, not with the program's output.
        boolean progress = !json && !showOutput && cli.inheritIo && TerminalLines.consoleIsTerminal();
        Printer printer = new Printer(plan, progress);

        if (!json) {
            BenchReport.printHeader(plan, cli.out);
            cli.out.flush();
        }
        // If speedkit is stopped (SIGTERM, Ctrl-C), the run in progress must not outlive it.
        Thread stop = new Thread(launcher::stop, "speedkit-bench-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        BenchResult result;
        try {
            result = new Bench(launcher, System::nanoTime).run(plan, printer);
        } catch (IOException e) {
            printer.clearProgress();
            throw UserError.input("cannot start " + launch.get(0) + ": " + e.getMessage());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it stops the program
            }
        }

        if (json) {
            cli.out.print(BenchJson.render(result));
        } else {
            BenchReport.printSummary(result, cli.out);
        }
        cli.out.flush();
        for (SetResult s : result.sets()) {
            s.failure().ifPresent(f -> cli.err.println(String.format(Locale.ROOT,
                    "speedkit: set %d/%d %s failed: %s; the set was stopped%s",
                    s.index(), result.sets().size(), s.set().label(), f.describe(), showOutput ? "" : " (--show-output shows the program's output)")));
        }
        return result.failed() ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    /** Prints each set's block as soon as it ends and, on a terminal, a live progress line. */
    private final class Printer implements Bench.Listener {
        private final BenchPlan plan;
        private final boolean progress;
        private int shown; // length of the progress line on the screen

        Printer(BenchPlan plan, boolean progress) {
            this.plan = plan;
            this.progress = progress;
        }

        @Override
        public void runStarting(Bench.Progress p) {
            if (!progress) {
                return;
            }
            String line = BenchReport.progressLine(p);
            // \r back to the start, then blanks over what is left of a longer previous line
            cli.out.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
            cli.out.flush();
            shown = line.length();
        }

        @Override
        public void setFinished(SetResult result) {
            clearProgress();
            if (!json) {
                BenchReport.printSet(result, plan.sets().size(), cli.out);
                cli.out.flush();
            }
        }

        void clearProgress() {
            if (shown > 0) {
                cli.out.print("\r" + " ".repeat(shown) + "\r");
                cli.out.flush();
                shown = 0;
            }
        }
    }
}
