package io.speedkit.profiler;

import static io.speedkit.profiler.DemoProfile.EXEC;
import static io.speedkit.profiler.DemoProfile.FACT;
import static io.speedkit.profiler.DemoProfile.SLEEP;
import static io.speedkit.profiler.DemoProfile.WORK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.speedkit.profiler.data.FunctionKey;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StatsTest {

    private static final FunctionKey F3 = new FunctionKey("src/a/m.py", 3, "f");
    private static final FunctionKey F20 = new FunctionKey("src/a/m.py", 20, "g");
    private static final FunctionKey OTHER_F3 = new FunctionKey("lib/b/m.py", 3, "f");
    private static final FunctionKey CALLER = new FunctionKey("src/main.py", 1, "main");
    private static final FunctionKey OTHER_CALLER = new FunctionKey("lib/main.py", 1, "main");

    @Test
    void sortStats_returnsANewStats_andLeavesTheOriginalUnsorted() {
        Stats demo = DemoReport.demo();
        Stats sorted = demo.sortStats("cumulative");
        assertEquals(List.of(), demo.sortKeys());
        assertEquals(List.of(SortKey.CUMULATIVE), sorted.sortKeys());
        assertEquals(DemoProfile.MODULE, demo.functions().keySet().iterator().next());
        assertEquals(EXEC, sorted.functions().keySet().iterator().next());
        assertEquals(List.of(), sorted.sortStats().sortKeys());
    }

    @Test
    void sortStats_isStableOverKeyOrder() {
        // fact, even, odd, work all call count 1 or more; ties keep file/line/name order, as Python's stable sort.
        List<FunctionKey> byCalls = List.copyOf(DemoReport.demo().sortStats(SortKey.CALLS).functions().keySet());
        assertEquals(List.of(FACT, DemoProfile.EVEN, DemoProfile.APPEND, DemoProfile.ODD, DemoProfile.MODULE, WORK, EXEC,
                DemoProfile.SORTED, SLEEP, DemoProfile.DISABLE, DemoProfile.JOIN), byCalls);
    }

    @Test
    void sortByStdname_comparesLineNumbersAsText() {
        Stats stats = Stats.of(Map.of(F3, row(1, 0), F20, row(1, 0)));
        assertEquals(List.of(F20, F3), List.copyOf(stats.sortStats("stdname").functions().keySet()));
        assertEquals(List.of(F3, F20), List.copyOf(stats.sortStats("line").functions().keySet()));
    }

    @Test
    void reverseOrder_reversesASortedListing_andLeavesAnUnsortedOne() {
        Stats sorted = DemoReport.demo().sortStats("cumulative");
        List<FunctionKey> forward = List.copyOf(sorted.functions().keySet());
        List<FunctionKey> backward = List.copyOf(sorted.reverseOrder().functions().keySet());
        assertEquals(forward.reversed(), backward);
        assertEquals(List.of(SortKey.CUMULATIVE), sorted.reverseOrder().sortKeys());
        Stats unsorted = DemoReport.demo();
        assertSame(unsorted, unsorted.reverseOrder());
    }

    @Test
    void stripDirs_mergesCollidingFunctionsAndCallers_andForgetsTheOrder() {
        Stats stats = Stats.of(Map.of(
                F3, new FunctionStats(1, 2, 1.0, 3.0, Map.of(CALLER, new CallStats(2, 1, 1.0, 3.0))),
                OTHER_F3, new FunctionStats(1, 1, 0.5, 0.5, Map.of(OTHER_CALLER, new CallStats(1, 1, 0.5, 0.5))),
                CALLER, row(1, 4.0),
                OTHER_CALLER, row(1, 1.0))).sortStats("time");

        Stats stripped = stats.stripDirs();

        FunctionKey f = new FunctionKey("m.py", 3, "f");
        FunctionKey main = new FunctionKey("main.py", 1, "main");
        assertEquals(List.of(), stripped.sortKeys());
        assertEquals(List.of(f, main), List.copyOf(stripped.functions().keySet()));
        assertEquals(new FunctionStats(2, 3, 1.5, 3.5, Map.of(main, new CallStats(3, 2, 1.5, 3.5))),
                stripped.functions().get(f));
        assertEquals(new FunctionStats(2, 2, 5.0, 5.0, Map.of()), stripped.functions().get(main));
        assertEquals(stats.totalCalls(), stripped.totalCalls());
        assertEquals(stats.totalTime(), stripped.totalTime());
    }

    @Test
    void add_sumsRowsAndEdges_andForgetsTheOrder() {
        Stats once = DemoReport.demo().sortStats("time");
        Stats twice = once.add(DemoReport.demo());
        assertEquals(List.of(), twice.sortKeys());
        assertEquals(60, twice.totalCalls());
        assertEquals(30, twice.primitiveCalls());
        assertEquals(once.functions().get(FACT).plus(once.functions().get(FACT)), twice.functions().get(FACT));
        assertEquals(new CallStats(24, 6, 8e-6, 8e-6), twice.functions().get(FACT).callers().get(FACT));
    }

    @Test
    void callees_invertTheCallers() {
        Stats stats = DemoReport.demo();
        Map<FunctionKey, CallStats> fromWork = stats.callees(WORK);
        assertEquals(6, fromWork.size());
        assertSame(stats.functions().get(FACT).callers().get(WORK), fromWork.get(FACT));
        assertEquals(List.of(FACT, DemoProfile.EVEN, DemoProfile.SORTED, SLEEP, DemoProfile.APPEND, DemoProfile.JOIN),
                List.copyOf(fromWork.keySet()));
        assertEquals(Map.of(), stats.callees(SLEEP));
        assertEquals(Map.of(), stats.callees(new FunctionKey("nowhere.py", 1, "f")));
    }

    @Test
    void totals_areSumsOverAllFunctions() {
        Stats stats = Stats.of(DemoProfile.withSecondsPerTick(1.0));
        assertEquals(30, stats.totalCalls());
        assertEquals(15, stats.primitiveCalls());
        assertEquals(10132.0, stats.totalTime());
    }

    @Test
    void functions_isUnmodifiable() {
        Map<FunctionKey, FunctionStats> f = DemoReport.demo().sortStats("time").functions();
        assertThrows(UnsupportedOperationException.class, () -> f.remove(FACT));
        assertThrows(UnsupportedOperationException.class, () -> f.get(FACT).callers().clear());
    }

    @Test
    void records_validateTheirValues() {
        assertEquals("function calls must satisfy 0 <= primitive <= total, got primitive=3, total=2",
                assertThrows(IllegalArgumentException.class, () -> new FunctionStats(3, 2, 0, 0, Map.of())).getMessage());
        assertEquals("call edge calls must satisfy 0 <= primitive <= total, got primitive=0, total=-1",
                assertThrows(IllegalArgumentException.class, () -> new CallStats(-1, 0, 0, 0)).getMessage());
        assertEquals("function tottime must be a finite number of seconds >= 0, got NaN",
                assertThrows(IllegalArgumentException.class,
                        () -> new FunctionStats(1, 1, Double.NaN, 0, Map.of())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CallStats(1, 1, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> new FunctionStats(1, 1, 0, 0, null));
        assertEquals(new CallStats(3, 2, 1.5, 2.5), new CallStats(1, 1, 0.5, 0.5).plus(new CallStats(2, 1, 1, 2)));
        assertEquals(CallStats.ZERO, CallStats.ZERO.plus(CallStats.ZERO));
        assertEquals("12/3", new CallStats(12, 3, 0, 0).callsText());
        assertEquals("15/3", new FunctionStats(3, 15, 0, 0, Map.of()).callsText());
    }

    @Test
    void printStats_zeroCalls_leavesThePercallColumnsBlank() {
        // A frame still open when recording ended: entered, never counted as returned.
        String out = print(Stats.of(Map.of(F3, new FunctionStats(0, 0, 0.25, 0.25, Map.of()))).withUnit(Unit.SECONDS)
                .sortStats("time"), s -> s.printStats());
        assertEquals("""
                         0 function calls in 0.250 seconds

                   Ordered by: internal time

                   ncalls  tottime  percall  cumtime  percall filename:lineno(function)
                        0    0.250             0.250          src/a/m.py:3(f)


                """, out);
    }

    @Test
    void printCallers_withoutAnyCallers_hasNoSubHeader() {
        String out = print(Stats.of(Map.of(F3, row(1, 1.0))).withUnit(Unit.SECONDS), s -> s.printCallers());
        assertEquals("""
                   Random listing order was used

                Function         was called by...
                src/a/m.py:3(f)  <-\s


                """, out);
    }

    @Test
    void printCallers_inAnotherUnit_namesTheUnitInTheHeading() {
        String out = print(DemoReport.demo().withUnit(Unit.MILLISECONDS), s -> s.printCallers("sleep"));
        assertTrue(out.contains("Function                      was called by... (times in milliseconds)\n"), out);
        assertTrue(out.contains("<-       1   10.100   10.100  demo.py:8(work)\n"), out);
    }

    @Test
    void printStats_defaultUnitIsAuto_oneUnitForTheWholeProfile() {
        // 44 nonzero times from 1/3 us to 10.124 ms; the lower quartile is 1 us: milliseconds show it as
        // 0.001, so three quarters of the times read 0.001 or more.
        String out = print(Stats.of(DemoProfile.micros()), s -> s.printStats());
        assertTrue(out.startsWith("         30 function calls (15 primitive calls) in 10.132 milliseconds\n"), out);
        // The unit belongs to the profile, not to what a restriction lists: every view agrees.
        String module = print(Stats.of(DemoProfile.micros()), s -> s.printStats(1));
        assertTrue(module.contains("in 10.132 milliseconds\n"), module);
        String sleep = print(Stats.of(DemoProfile.micros()), s -> s.printStats("sleep"));
        assertTrue(sleep.contains("in 10.132 milliseconds\n"), sleep);
        String callers = print(Stats.of(DemoProfile.micros()), s -> s.printCallers("fact"));
        assertTrue(callers.contains("(times in milliseconds)"), callers);
    }

    @Test
    void printStats_floatRestriction_isTheDecimalWritten() {
        String out = print(DemoReport.demo().sortStats("cumulative"), s -> s.printStats(0.3f));
        assertTrue(out.contains("   List reduced from 11 to 3 due to restriction <0.3>\n"), out);
    }

    @Test
    void printStats_restrictionOfAnotherType_isRejected() {
        Stats stats = DemoReport.demo();
        assertEquals("unsupported print restriction true (java.lang.Boolean); use an Integer count, a Double fraction"
                        + " in [0, 1) or a String regular expression",
                assertThrows(IllegalArgumentException.class, () -> stats.printStats(true)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> stats.printStats((Object) null));
    }

    @Test
    void printStats_negativeOrTooLargeAmounts_changeNothing() {
        Stats stats = DemoReport.demo().sortStats("cumulative");
        String all = print(stats, s -> s.printStats());
        assertEquals(all, print(stats, s -> s.printStats(-1, 11, 1.0, 1.5, -0.5, 99L)));
    }

    @Test
    void printMethods_returnTheSameStats() {
        Stats stats = DemoReport.demo().withOutput(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertSame(stats, stats.printStats());
        assertSame(stats, stats.printCallers());
        assertSame(stats, stats.printCallees());
    }

    private static FunctionStats row(long calls, double time) {
        return new FunctionStats(calls, calls, time, time, Map.of());
    }

    private static String print(Stats stats, java.util.function.UnaryOperator<Stats> report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.apply(stats.withOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
