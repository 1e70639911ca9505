package io.speedkit.profiler;

import io.speedkit.profiler.data.FunctionKey;

import java.util.List;
import java.util.Map;

/**
 * Renders the three pstats reports — {@code print_stats}, {@code print_callers}, {@code print_callees}
 * — as text, byte for byte as pstats 3.13 prints them when the unit is seconds. Every line ends in
 * {@code \n} whatever the platform, as Python's {@code print} writes it.
 */
final class StatsPrinter {

    private static final String TITLE = "   ncalls  tottime  percall  cumtime  percall filename:lineno(function)\n";
    /** An empty percall column: pstats prints 8 spaces where it would divide by zero. */
    private static final String NO_VALUE = "        ";

    private final StatsTable table;
    private final List<FunctionKey> order;
    private final String orderedBy;
    private final Unit unit;
    private final List<String> fileLines;

    /**
     * @param order     the listing order, every key of {@code table}
     * @param orderedBy the sort description, or null when the listing is unsorted
     */
    StatsPrinter(StatsTable table, List<FunctionKey> order, String orderedBy, Unit unit, List<String> fileLines) {
        this.table = table;
        this.order = order;
        this.orderedBy = orderedBy;
        this.unit = unit;
        this.fileLines = fileLines;
    }

    /** {@code print_stats}: the header, then — unless the restrictions left nothing — the table. */
    String stats(Object... restrictions) {
        PrintSelection selection = PrintSelection.select(table, order, orderedBy, restrictions);
        Unit u = unit();
        StringBuilder out = new StringBuilder();
        for (String line : fileLines) {
            out.append(line).append('\n');
        }
        if (!fileLines.isEmpty()) {
            out.append('\n');
        }
        // pstats: print(indent, total_calls, "function calls", end=' ') — 8 spaces, then print's separator.
        out.append("         ").append(table.totalCalls()).append(" function calls ");
        if (table.totalCalls() != table.primitiveCalls()) {
            out.append('(').append(table.primitiveCalls()).append(" primitive calls) ");
        }
        out.append("in ").append(PythonText.fixed3(u.fromSeconds(table.totalTime()))).append(' ').append(u.label())
                .append("\n\n");
        if (selection.functions().isEmpty()) {
            return out.toString();
        }
        out.append(selection.messages()).append('\n');
        out.append(TITLE);
        for (FunctionKey k : selection.functions()) {
            appendRow(out, k, table.get(k), u);
        }
        return out.append("\n\n").toString();
    }

    /** {@code print_callers}: for each listed function, who called it. Nothing at all when nothing is listed. */
    String callers(Object... restrictions) {
        return calls(Direction.CALLERS, restrictions);
    }

    /** {@code print_callees}: for each listed function, what it called. Nothing at all when nothing is listed. */
    String callees(Object... restrictions) {
        return calls(Direction.CALLEES, restrictions);
    }

    private String calls(Direction direction, Object... restrictions) {
        PrintSelection selection = PrintSelection.select(table, order, orderedBy, restrictions);
        if (selection.functions().isEmpty()) {
            return "";
        }
        Unit u = unit();
        boolean callers = direction == Direction.CALLERS;
        StringBuilder out = new StringBuilder(selection.messages()).append('\n');
        appendCallHeading(out, selection.width(), callers ? "was called by..." : "called...", u);
        for (FunctionKey k : selection.functions()) {
            appendCallLine(out, selection.width(), k, callers ? table.get(k).callers() : table.callees(k), callers ? "<-" : "->", u);
        }
        return out.append("\n\n").toString();
    }

    private enum Direction { CALLERS, CALLEES }

    /** pstats' {@code print_line}. */
    private static void appendRow(StringBuilder out, FunctionKey key, FunctionStats s, Unit u) {
        out.append(PythonText.rjust(s.callsText(), 9)).append(' ');
        out.append(PythonText.f8(u.fromSeconds(s.tottime()))).append(' ');
        out.append(s.totalCalls() == 0 ? NO_VALUE : PythonText.f8(u.fromSeconds(s.tottime() / s.totalCalls()))).append(' ');
        out.append(PythonText.f8(u.fromSeconds(s.cumtime()))).append(' ');
        out.append(s.primitiveCalls() == 0 ? NO_VALUE : PythonText.f8(u.fromSeconds(s.cumtime() / s.primitiveCalls())))
                .append(' ');
        out.append(key.stdName()).append('\n');
    }

    /**
     * pstats' {@code print_call_heading}. These reports have no header line saying "seconds", so in any
     * other unit the heading names it; in seconds it stays exactly pstats'.
     */
    private void appendCallHeading(StringBuilder out, int width, String columnTitle, Unit u) {
        out.append(PythonText.ljust("Function ", width)).append(columnTitle);
        if (u != Unit.SECONDS) {
            out.append(" (times in ").append(u.label()).append(')');
        }
        out.append('\n');
        // pstats prints the sub-header only for cProfile-style (tuple) callers, which all of ours are.
        if (table.anyCallers()) {
            out.append(" ".repeat(width)).append("    ncalls  tottime  cumtime\n");
        }
    }

    /**
     * pstats' {@code print_call_line}: the function and arrow, then one line per other function; the first
     * shares the function's line, the rest are indented to align with it.
     */
    private static void appendCallLine(StringBuilder out, int width, FunctionKey source, Map<FunctionKey, CallStats> calls,
                                       String arrow, Unit u) {
        out.append(PythonText.ljust(source.stdName(), width)).append(arrow).append(' ');
        if (calls.isEmpty()) {
            out.append('\n');
            return;
        }
        boolean first = true;
        for (Map.Entry<FunctionKey, CallStats> e : calls.entrySet()) {
            CallStats c = e.getValue();
            if (!first) {
                out.append(" ".repeat(width + 1));
            }
            // The count is right-justified to 7 after "<- ", to 9 under it: both end in the same column.
            out.append(PythonText.rjust(c.callsText(), first ? 7 : 9)).append(' ');
            out.append(PythonText.f8(u.fromSeconds(c.tottime()))).append(' ');
            out.append(PythonText.f8(u.fromSeconds(c.cumtime()))).append("  ");
            out.append(e.getKey().stdName()).append('\n');
            first = false;
        }
    }

    /** The concrete unit to print in: the configured one, or for {@link Unit#AUTO} the profile's (see there). */
    Unit unit() {
        if (unit != Unit.AUTO) {
            return unit;
        }
        double[] times = new double[table.functions().size() * 4];
        int n = 0;
        for (FunctionStats s : table.functions().values()) {
            n = addNonZero(times, n, s.tottime());
            n = addNonZero(times, n, s.cumtime());
            if (s.totalCalls() > 0) {
                n = addNonZero(times, n, s.tottime() / s.totalCalls());
            }
            if (s.primitiveCalls() > 0) {
                n = addNonZero(times, n, s.cumtime() / s.primitiveCalls());
            }
        }
        return Unit.auto(java.util.Arrays.copyOf(times, n));
    }

    private static int addNonZero(double[] times, int n, double t) {
        if (t > 0) {
            times[n++] = t;
        }
        return n;
    }
}
