package io.speedkit.cli;

import io.speedkit.profiler.SortKey;
import io.speedkit.profiler.Stats;
import io.speedkit.profiler.Unit;
import io.speedkit.profiler.data.ProfileData;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Option;

/** How a profile is printed: the options {@code profile} and {@code stats} share. */
final class ReportOptions {
    @Option(names = {"-s", "--sort"}, paramLabel = "KEY",
            description = "Sort by KEY (repeat for secondary keys): calls, cumtime, cumulative, file, filename, line, "
                    + "module, name, ncalls, nfl, pcalls, stdname, time, tottime. Default: cumulative.")
    List<String> sort = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", description = "Print only the first N rows.")
    Integer limit;

    @Option(names = "--unit", paramLabel = "UNIT",
            description = "Time unit of the columns: s (cProfile's), ms, us, ns, or auto (default): the largest unit "
                    + "in which no printed time reads 0.000.")
    String unit = "auto";

    @Option(names = "--callers", paramLabel = "REGEX", description = "Also print who called the functions matching REGEX.")
    String callers;

    @Option(names = "--callees", paramLabel = "REGEX", description = "Also print what the functions matching REGEX called.")
    String callees;

    /**
     * Checks every option, so that a mistake is reported before a program runs for minutes.
     *
     * @throws UserError naming the bad value
     */
    void validate() {
        for (String key : sort) {
            // Full names only, as python -m cProfile: abbreviations are for the API.
            if (!SortKey.validNames().contains(key)) {
                throw UserError.usage("unknown sort key '" + key + "'; valid keys: " + String.join(", ", SortKey.validNames()));
            }
        }
        if (limit != null && limit < 0) {
            throw UserError.usage("--limit must be 0 or more, got " + limit);
        }
        unit();
        regex("--callers", callers);
        regex("--callees", callees);
    }

    Unit unit() {
        try {
            return Unit.parse(unit);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
    }

    private static void regex(String option, String value) {
        if (value != null) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw UserError.usage("bad regular expression for " + option + " '" + value + "': "
                        + e.getDescription());
            }
        }
    }

    /** Prints the cProfile report of {@code data}, then the callers and callees views that were asked for. */
    void print(ProfileData data, PrintStream out) {
        Stats stats = Stats.of(data).sortStats(sort.isEmpty() ? new String[] {"cumulative"} : sort.toArray(new String[0]))
                .withUnit(unit()).withOutput(out);
        Object[] restriction = limit == null ? new Object[0] : new Object[] {limit};
        stats.printStats(restriction);
        if (callers != null) {
            stats.printCallers(callers);
        }
        if (callees != null) {
            stats.printCallees(callees);
        }
        out.flush();
    }
}
