package io.speedkit.cli;

import io.speedkit.profiler.SortKey;
import io.speedkit.profiler.Stats;
import io.speedkit.profiler.Threads;
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
    @Option(names = {"-s", "--sort"}, paramLabel = "KEY", split = ",",
            description = "Sort by KEY (repeat, or separate with commas, for secondary keys): calls, cumtime, cumulative, "
                    + "file, filename, line, module, name, ncalls, nfl, pcalls, stdname, time, tottime. Default: cumulative.")
    List<String> sort = new ArrayList<>();

    @Option(names = "--match", paramLabel = "REGEX",
            description = "Print only rows whose filename:lineno(function) matches REGEX; repeatable, applied in order.")
    List<String> match = new ArrayList<>();

    @Option(names = "--fraction", paramLabel = "F", description = "Then print only the first fraction F (0 to 1) of the rows.")
    Double fraction;

    @Option(names = "--limit", paramLabel = "N", description = "Then print only the first N rows.")
    Integer limit;

    @Option(names = "--reverse", description = "Reverse the order of the rows.")
    boolean reverse;

    @Option(names = "--strip-dirs", description = "Strip directories from file names (rows that then collide are added).")
    boolean stripDirs;

    @Option(names = "--thread", paramLabel = "NAME",
            description = "Only the threads named NAME (a name, or a glob with * and ?); the report merges all threads by default.")
    String thread;

    @Option(names = "--unit", paramLabel = "UNIT",
            description = "Time unit: s (cProfile's), ms, us, ns, or auto (default): the largest unit in which three "
                    + "quarters of the profile's times read 0.001 or more.")
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
        if (fraction != null && !(fraction >= 0 && fraction <= 1)) {
            throw UserError.usage("--fraction must be between 0 and 1, got " + fraction);
        }
        unit();
        for (String m : match) {
            regex("--match", m);
        }
        regex("--callers", callers);
        regex("--callees", callees);
    }

    /** pstats' print restrictions, in the order they apply: every --match, then --fraction, then --limit. */
    Object[] restrictions() {
        List<Object> r = new ArrayList<>(match);
        if (fraction != null) {
            r.add(fraction);
        }
        if (limit != null) {
            r.add(limit);
        }
        return r.toArray();
    }

    /**
     * The statistics these options describe: the selected threads of {@code data}, directories stripped,
     * sorted (default: cumulative) and reversed as asked.
     *
     * @throws UserError when --thread names no thread of the profile
     */
    Stats stats(ProfileData data) {
        Stats stats = Stats.of(selectThreads(data));
        if (stripDirs) {
            stats = stats.stripDirs();
        }
        stats = stats.sortStats(sort.isEmpty() ? new String[] {"cumulative"} : sort.toArray(new String[0]));
        if (reverse) {
            stats = stats.reverseOrder();
        }
        return stats.withUnit(unit());
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
        print(stats(data), out);
    }

    /**
     * The threads --thread selects (all without it).
     *
     * @throws UserError when it names no thread of the profile
     */
    ProfileData selectThreads(ProfileData data) {
        if (thread == null) {
            return data;
        }
        try {
            return Threads.select(data, thread);
        } catch (IllegalArgumentException e) {
            throw UserError.input(e.getMessage());
        }
    }

    /** Prints the cProfile report of {@code stats}, then the callers and callees views that were asked for. */
    void print(Stats stats, PrintStream out) {
        Stats s = stats.withOutput(out);
        s.printStats(restrictions());
        if (callers != null) {
            s.printCallers(callers);
        }
        if (callees != null) {
            s.printCallees(callees);
        }
        out.flush();
    }
}
