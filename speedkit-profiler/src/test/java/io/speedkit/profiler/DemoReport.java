package io.speedkit.profiler;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One report of the {@link DemoProfile}, sealed by the golden file {@code golden/<name>.txt}. Reports in
 * seconds also carry the pstats call that prints the same thing, so the golden text can be checked
 * against Python itself ({@link PstatsCompatibilityTest}).
 *
 * @param name   the golden file's name without {@code .txt}
 * @param python the pstats calls on {@code s = pstats.Stats(path)}, or null for reports Python cannot make
 * @param report the same calls on {@code Stats}, starting from the demo in seconds
 */
record DemoReport(String name, String python, UnaryOperator<Stats> report) {

    static final List<DemoReport> ALL = List.of(
            new DemoReport("stats_random", "s.print_stats()", s -> s.printStats()),
            new DemoReport("stats_cumulative", "s.sort_stats('cumulative').print_stats()",
                    s -> s.sortStats("cumulative").printStats()),
            new DemoReport("stats_int", "s.sort_stats('cumulative').print_stats(3)",
                    s -> s.sortStats("cumulative").printStats(3)),
            new DemoReport("stats_float", "s.sort_stats('cumulative').print_stats(0.5)",
                    s -> s.sortStats("cumulative").printStats(0.5)),
            new DemoReport("stats_regex", "s.sort_stats('cumulative').print_stats('demo')",
                    s -> s.sortStats("cumulative").printStats("demo")),
            new DemoReport("stats_invalid_regex", "s.sort_stats('cumulative').print_stats('(', 4)",
                    s -> s.sortStats("cumulative").printStats("(", 4)),
            new DemoReport("stats_chain", "s.sort_stats('time', 'name').print_stats('demo', 0.5, 2)",
                    s -> s.sortStats("time", "name").printStats("demo", 0.5, 2)),
            new DemoReport("stats_no_reduction", "s.sort_stats('cumulative').print_stats(11, 1.0, 500)",
                    s -> s.sortStats("cumulative").printStats(11, 1.0, 500)),
            new DemoReport("stats_reverse", "s.sort_stats('cumulative').reverse_order().print_stats()",
                    s -> s.sortStats("cumulative").reverseOrder().printStats()),
            new DemoReport("stats_calls_name", "s.sort_stats('calls', 'name').print_stats()",
                    s -> s.sortStats("calls", "name").printStats()),
            new DemoReport("stats_abbreviated", "s.sort_stats('pc', 'fi', 'l').print_stats()",
                    s -> s.sortStats("pc", "fi", "l").printStats()),
            new DemoReport("stats_nfl", "s.sort_stats('nfl').print_stats()", s -> s.sortStats("nfl").printStats()),
            new DemoReport("stats_stdname", "s.sort_stats('stdname').print_stats()",
                    s -> s.sortStats("stdname").printStats()),
            new DemoReport("stats_empty", "s.sort_stats('cumulative').print_stats('nomatch')",
                    s -> s.sortStats("cumulative").printStats("nomatch")),
            new DemoReport("stats_zero", "s.sort_stats('cumulative').print_stats(0)",
                    s -> s.sortStats("cumulative").printStats(0)),
            new DemoReport("callers_fact_odd", "s.sort_stats('time', 'name').print_callers('fact|odd')",
                    s -> s.sortStats("time", "name").printCallers("fact|odd")),
            new DemoReport("callers_all", "s.sort_stats('cumulative').print_callers()",
                    s -> s.sortStats("cumulative").printCallers()),
            new DemoReport("callers_empty", "s.print_callers('nomatch')", s -> s.printCallers("nomatch")),
            new DemoReport("callees_work", "s.sort_stats('time', 'name').print_callees('work')",
                    s -> s.sortStats("time", "name").printCallees("work")),
            new DemoReport("callees_all", "s.print_callees()", s -> s.printCallees()),
            new DemoReport("callees_float", "s.sort_stats('cumulative').print_callees(0.3)",
                    s -> s.sortStats("cumulative").printCallees(0.3)),
            new DemoReport("stats_file_lines", null, s -> s.withFileLines(List.of("Thu Nov 26 05:14:29 2026    demo.prof"))
                    .sortStats("cumulative").printStats()),
            new DemoReport("stats_milliseconds", null, s -> s.withUnit(Unit.MILLISECONDS).sortStats("cumulative").printStats()),
            new DemoReport("stats_microseconds", null, s -> s.withUnit(Unit.MICROSECONDS).sortStats("cumulative").printStats()),
            new DemoReport("stats_nanoseconds", null, s -> s.withUnit(Unit.NANOSECONDS).sortStats("cumulative").printStats()),
            new DemoReport("stats_auto", null, s -> s.withUnit(Unit.AUTO).sortStats("cumulative").printStats()),
            new DemoReport("stats_auto_top3", null, s -> s.withUnit(Unit.AUTO).sortStats("cumulative").printStats(3)),
            new DemoReport("callers_microseconds", null,
                    s -> s.withUnit(Unit.MICROSECONDS).sortStats("time", "name").printCallers("fact|odd")),
            new DemoReport("callees_auto", null, s -> s.withUnit(Unit.AUTO).sortStats("time", "name").printCallees("work")),
            new DemoReport("stats_auto_empty", null, s -> s.withUnit(Unit.AUTO).printStats("nomatch")));

    /** The demo's statistics in seconds (cProfile's unit). */
    static Stats demo() {
        return Stats.of(DemoProfile.micros()).withUnit(Unit.SECONDS);
    }

    /** What this report prints, starting from {@code base}, decoded as UTF-8. */
    String render(Stats base) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.apply(base.withOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Whether pstats prints its file title line in this report (only print_stats does). */
    boolean printsFileLines() {
        return python != null && python.contains("print_stats");
    }

    @Override
    public String toString() {
        return name;
    }
}
