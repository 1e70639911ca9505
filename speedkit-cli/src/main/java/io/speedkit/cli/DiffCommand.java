package io.speedkit.cli;

import io.speedkit.profiler.Diff;
import io.speedkit.profiler.Stats;
import io.speedkit.profiler.Threads;
import io.speedkit.profiler.Unit;
import io.speedkit.profiler.data.ProfileData;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code speedkit diff BEFORE AFTER}: profile, change, profile again — and see what changed. */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare two saved profiles of the same program: total time and speed-up, then the functions",
                "whose time or call count changed most, and those that appeared or disappeared.", ""})
final class DiffCommand implements Callable<Integer> {
    @Option(names = {"-s", "--sort"}, paramLabel = "ORDER",
            description = "Order rows by the change of: tottime (default), cumtime, calls, or relative (tottime ratio; "
                    + "new and gone functions first).")
    String order = "tottime";

    @Option(names = "--limit", paramLabel = "N", description = "Print only the first N rows.")
    Integer limit;

    @Option(names = "--unit", paramLabel = "UNIT", description = "Time unit: s, ms, us, ns, or auto (default).")
    String unit = "auto";

    @Option(names = "--strip-dirs", description = "Strip directories from file names first.")
    boolean stripDirs;

    @Option(names = "--thread", paramLabel = "NAME", description = "Only the threads named NAME (a glob) in both profiles.")
    String thread;

    @Parameters(index = "0", paramLabel = "BEFORE", description = "The profile before the change.")
    Path before;

    @Parameters(index = "1", paramLabel = "AFTER", description = "The profile after the change.")
    Path after;

    private final Cli cli;

    DiffCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        Diff.Order o;
        Unit u;
        try {
            o = Diff.Order.parse(order);
            u = Unit.parse(unit);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
        if (limit != null && limit < 0) {
            throw UserError.usage("--limit must be 0 or more, got " + limit);
        }
        Diff.of(stats(before), stats(after)).print(cli.out, before.toString(), after.toString(), o, limit == null ? -1 : limit, u);
        return ExitCodes.OK;
    }

    private Stats stats(Path file) {
        ProfileData data = StatsCommand.load(file);
        if (thread != null) {
            try {
                data = Threads.select(data, thread);
            } catch (IllegalArgumentException e) {
                throw UserError.input(file + ": " + e.getMessage());
            }
        }
        Stats s = Stats.of(data);
        return stripDirs ? s.stripDirs() : s;
    }
}
