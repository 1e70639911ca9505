package io.speedkit.profiler;

import static io.speedkit.profiler.DemoProfile.APPEND;
import static io.speedkit.profiler.DemoProfile.DISABLE;
import static io.speedkit.profiler.DemoProfile.EVEN;
import static io.speedkit.profiler.DemoProfile.EXEC;
import static io.speedkit.profiler.DemoProfile.FACT;
import static io.speedkit.profiler.DemoProfile.MODULE;
import static io.speedkit.profiler.DemoProfile.ODD;
import static io.speedkit.profiler.DemoProfile.SLEEP;
import static io.speedkit.profiler.DemoProfile.WORK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.speedkit.profiler.data.CallTree;
import io.speedkit.profiler.data.FunctionKey;
import io.speedkit.profiler.data.Metadata;
import io.speedkit.profiler.data.ProfileData;
import io.speedkit.profiler.data.ThreadProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The numbers cProfile would have counted, derived from hand-built call trees. Times are integer ticks
 * at one second per tick, so every expected value is exact.
 */
class TreeDerivationTest {

    private static final FunctionKey MAIN = new FunctionKey("Main.java", 3, "Main.main");
    private static final FunctionKey A = new FunctionKey("Main.java", 10, "Main.a");
    private static final FunctionKey B = new FunctionKey("Main.java", 20, "Main.b");
    private static final FunctionKey F = new FunctionKey("Main.java", 30, "Main.f");
    private static final FunctionKey SORT = FunctionKey.builtin("method java.util.Arrays.sort");
    private static final FunctionKey COMPARE = new FunctionKey("ByLength.java", 7, "ByLength.compare");

    @Test
    void demo_recursionAndMutualRecursion_countLikeLsprof() {
        Map<FunctionKey, FunctionStats> f = Stats.of(DemoProfile.withSecondsPerTick(1.0)).functions();

        assertRow(f.get(FACT), 3, 15, 7, 7);   // fact(5) three times: calls=15/3
        assertRow(f.get(EVEN), 1, 3, 3, 5);    // even(4) > odd(3) > even(2) > odd(1) > even(0): calls=3/1
        assertRow(f.get(ODD), 1, 2, 2, 2);     // calls=2/1
        assertRow(f.get(WORK), 1, 1, 2, 10122);
        assertRow(f.get(EXEC), 1, 1, 1, 10124);
        assertRow(f.get(APPEND), 3, 3, 1, 1);
        assertRow(f.get(SLEEP), 1, 1, 10100, 10100);

        assertEdge(f.get(FACT).callers().get(FACT), 12, 3, 4, 4); // self-edge: 12/3
        assertEdge(f.get(FACT).callers().get(WORK), 3, 3, 3, 7);
        assertEdge(f.get(ODD).callers().get(EVEN), 2, 1, 2, 2);   // 2/1
        assertEdge(f.get(EVEN).callers().get(ODD), 2, 1, 0, 1);
        assertEdge(f.get(EVEN).callers().get(WORK), 1, 1, 3, 5);
        assertEquals(Map.of(), f.get(EXEC).callers());
        assertEquals(Map.of(), f.get(DISABLE).callers());
        assertEquals(List.of(FACT, WORK), List.copyOf(f.get(FACT).callers().keySet()));

        Stats stats = Stats.of(DemoProfile.withSecondsPerTick(1.0));
        assertEquals(30, stats.totalCalls());
        assertEquals(15, stats.primitiveCalls());
        assertEquals(10132.0, stats.totalTime());
    }

    @Test
    void recursion_fromTwoCallers_countsEachOutermostCallOnce() {
        // main > a > f > f > f, and main > b > f > f
        Profile p = new Profile(MAIN, A, B, F);
        int main = p.node(-1, MAIN, 1, 100);
        int a = p.node(main, A, 1, 40);
        int f1 = p.node(a, F, 1, 30);
        int f2 = p.node(f1, F, 1, 20);
        p.node(f2, F, 1, 5);
        int b = p.node(main, B, 2, 50);
        int f4 = p.node(b, F, 2, 45);
        p.node(f4, F, 2, 15);

        Map<FunctionKey, FunctionStats> s = Stats.of(p.build(1.0)).functions();

        // f: 7 calls, 3 outermost (1 from a, 2 from b); self 10+15+5 + 30+15; cumtime 30 + 45
        assertRow(s.get(F), 3, 7, 75, 75);
        assertEdge(s.get(F).callers().get(A), 1, 1, 10, 30);
        assertEdge(s.get(F).callers().get(B), 2, 2, 30, 45);
        // f>f: 4 calls; the outermost self-edge under a (f2, 20) and under b (15, 2 calls)
        assertEdge(s.get(F).callers().get(F), 4, 3, 35, 35);
        assertRow(s.get(A), 1, 1, 10, 40);
        assertRow(s.get(B), 2, 2, 5, 50);
    }

    @Test
    void edge_repeatedThroughAnotherFunction_isPrimitiveOnlyOnce() {
        // main > a > f > a > f: the edge a>f occurs twice on one path, the function a twice too.
        Profile p = new Profile(MAIN, A, F);
        int main = p.node(-1, MAIN, 1, 10);
        int a1 = p.node(main, A, 1, 9);
        int f1 = p.node(a1, F, 1, 8);
        int a2 = p.node(f1, A, 1, 6);
        p.node(a2, F, 1, 2);

        Map<FunctionKey, FunctionStats> s = Stats.of(p.build(1.0)).functions();

        assertRow(s.get(A), 1, 2, 1 + 4, 9);
        assertRow(s.get(F), 1, 2, 2 + 2, 8);
        assertEdge(s.get(F).callers().get(A), 2, 1, 4, 8);
        assertEdge(s.get(A).callers().get(F), 1, 1, 4, 6);
        assertEdge(s.get(A).callers().get(MAIN), 1, 1, 1, 9);
    }

    @Test
    void builtin_withProgramCallbackBeneath_keepsBothSidesOfTheCall() {
        // work > Arrays.sort (timed at the call site) > ByLength.compare, called back 20 times
        Profile p = new Profile(WORK, SORT, COMPARE);
        int work = p.node(-1, WORK, 1, 15);
        int sort = p.node(work, SORT, 1, 10);
        p.node(sort, COMPARE, 20, 6);

        Stats stats = Stats.of(p.build(1.0));
        Map<FunctionKey, FunctionStats> s = stats.functions();

        assertRow(s.get(SORT), 1, 1, 4, 10);
        assertRow(s.get(COMPARE), 20, 20, 6, 6);
        assertEdge(s.get(COMPARE).callers().get(SORT), 20, 20, 6, 6);
        assertEquals("{method java.util.Arrays.sort}", SORT.stdName());
        assertEquals(List.of(COMPARE), List.copyOf(stats.callees(SORT).keySet()));
        assertEquals(List.of(SORT), List.copyOf(stats.callees(WORK).keySet()));
    }

    @Test
    void threads_areSummed_butRecursionNeverSpansThreads() {
        // Thread 1: main > f > f. Thread 2: f (a root) > f. Each thread has its own outermost f.
        Profile p = new Profile(MAIN, F);
        int main = p.node(-1, MAIN, 1, 10);
        int f = p.node(main, F, 1, 8);
        p.node(f, F, 1, 3);
        ThreadProfile t1 = ThreadProfile.of("main", 1, false, p.tree.build());
        CallTree.Builder second = new CallTree.Builder();
        int root = second.child(-1, 1);
        second.add(root, 2, 12);
        second.add(second.child(root, 1), 2, 4);
        ThreadProfile t2 = ThreadProfile.of("worker-1", 2, true, second.build());
        ProfileData data = new ProfileData(List.of(MAIN, F), List.of(t1, t2), 1.0, Metadata.empty());

        Map<FunctionKey, FunctionStats> s = Stats.of(data).functions();

        assertRow(s.get(F), 3, 6, 5 + 3 + 8 + 4, 8 + 12);
        assertEdge(s.get(F).callers().get(F), 3, 3, 7, 7);
        assertEdge(s.get(F).callers().get(MAIN), 1, 1, 5, 8);
    }

    @Test
    void severalProfiles_areAddedLikePstatsAdd() {
        ProfileData demo = DemoProfile.withSecondsPerTick(1.0);
        Stats twice = Stats.of(demo, demo);
        assertRow(twice.functions().get(FACT), 6, 30, 14, 14);
        assertEdge(twice.functions().get(FACT).callers().get(FACT), 24, 6, 8, 8);
        assertEquals(60, twice.totalCalls());
        assertEquals(twice.functions(), Stats.of(demo).add(demo).functions());
    }

    @Test
    void ticks_areConvertedWithTheProfilesTickLength() {
        Map<FunctionKey, FunctionStats> s = Stats.of(DemoProfile.withSecondsPerTick(1e-9)).functions();
        assertEquals(10100 * 1e-9, s.get(SLEEP).tottime());
        assertEquals(7 * 1e-9, s.get(FACT).cumtime());
    }

    @Test
    void childLongerThanParent_clampsSelfTimeAtZero() {
        // A live thread snapshotted at exit can leave a child a few ticks longer than its parent.
        Profile p = new Profile(MAIN, F);
        int main = p.node(-1, MAIN, 1, 5);
        p.node(main, F, 1, 7);
        Map<FunctionKey, FunctionStats> s = Stats.of(p.build(1.0)).functions();
        assertRow(s.get(MAIN), 1, 1, 0, 5);
        assertRow(s.get(F), 1, 1, 7, 7);
    }

    @Test
    void duplicateKeysInTheTable_countAsOneFunction() {
        // Two table entries with one key: recursion through both must still be recognised.
        CallTree.Builder b = new CallTree.Builder();
        int first = b.child(-1, 0);
        b.add(first, 1, 10);
        b.add(b.child(first, 1), 1, 4);
        ProfileData data = new ProfileData(List.of(F, F), List.of(ThreadProfile.of("main", 1, false, b.build())), 1.0,
                Metadata.empty());
        Map<FunctionKey, FunctionStats> s = Stats.of(data).functions();
        assertEquals(1, s.size());
        assertRow(s.get(F), 1, 2, 10, 10);
        assertEdge(s.get(F).callers().get(F), 1, 1, 4, 4);
    }

    @Test
    void unusedTableEntries_andEmptyTrees_areNotListed() {
        ProfileData data = new ProfileData(List.of(MAIN, F), List.of(ThreadProfile.of("idle", 1, false, CallTree.empty())),
                1.0, Metadata.empty());
        Stats stats = Stats.of(data);
        assertTrue(stats.functions().isEmpty());
        assertEquals(0, stats.totalCalls());
        assertEquals(0.0, stats.totalTime());
        assertTrue(Stats.of().functions().isEmpty());
    }

    @Test
    void hundredThousandDeepRecursion_isWalkedWithoutTheJavaStack() {
        int depth = 100_000;
        int[] parents = new int[depth];
        int[] functions = new int[depth];
        long[] counts = new long[depth];
        long[] totals = new long[depth];
        for (int i = 0; i < depth; i++) {
            parents[i] = i - 1;
            counts[i] = 1;
            totals[i] = depth - i; // one tick of self time per frame
        }
        ProfileData data = new ProfileData(List.of(F), List.of(ThreadProfile.of("main", 1, false,
                CallTree.of(parents, functions, counts, totals))), 1.0, Metadata.empty());

        FunctionStats f = Stats.of(data).functions().get(F);

        assertRow(f, 1, depth, depth, depth);
        assertEdge(f.callers().get(F), depth - 1, 1, depth - 1, depth - 1);
    }

    @Test
    void millionNodeTree_isDerivedQuickly() {
        // 1000 subtrees of main, each a 1000-deep alternation of a and b: 1 000 001 nodes.
        int chains = 1000;
        int length = 1000;
        int n = 1 + chains * length;
        int[] parents = new int[n];
        int[] functions = new int[n];
        long[] counts = new long[n];
        long[] totals = new long[n];
        parents[0] = -1;
        counts[0] = 1;
        totals[0] = (long) chains * length;
        int i = 1;
        for (int c = 0; c < chains; c++) {
            for (int d = 0; d < length; d++, i++) {
                parents[i] = d == 0 ? 0 : i - 1;
                functions[i] = 1 + d % 2;
                counts[i] = 1;
                totals[i] = length - d;
            }
        }
        ProfileData data = new ProfileData(List.of(MAIN, A, B), List.of(ThreadProfile.of("main", 1, false,
                CallTree.of(parents, functions, counts, totals))), 1.0, Metadata.empty());

        long start = System.nanoTime();
        Map<FunctionKey, FunctionStats> s = Stats.of(data).functions();
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertRow(s.get(A), chains, chains * length / 2, chains * length / 2, chains * length);
        assertEdge(s.get(B).callers().get(A), chains * length / 2, chains, chains * length / 2, chains * (length - 1));
        assertTrue(millis < 10_000, "deriving a million nodes took " + millis + " ms");
    }

    @Test
    void derivedRows_keepPstatsInvariants() {
        Map<FunctionKey, FunctionStats> s = Stats.of(DemoProfile.withSecondsPerTick(1.0)).functions();
        for (Map.Entry<FunctionKey, FunctionStats> e : s.entrySet()) {
            FunctionStats row = e.getValue();
            assertFalse(row.tottime() > row.cumtime(), e.getKey() + ": tottime <= cumtime");
            if (!row.callers().isEmpty()) {
                long edgeCalls = row.callers().values().stream().mapToLong(CallStats::totalCalls).sum();
                assertEquals(row.totalCalls(), edgeCalls, e.getKey() + ": the edges' calls add up to the row's");
            }
        }
    }

    private static void assertRow(FunctionStats s, long primitive, long total, double tottime, double cumtime) {
        assertEquals(new FunctionStats(primitive, total, tottime, cumtime, s.callers()), s);
    }

    private static void assertEdge(CallStats c, long total, long primitive, double tottime, double cumtime) {
        assertEquals(new CallStats(total, primitive, tottime, cumtime), c);
    }

    /** A one-thread profile built node by node. */
    private static final class Profile {
        final CallTree.Builder tree = new CallTree.Builder();
        final List<FunctionKey> functions;

        Profile(FunctionKey... functions) {
            this.functions = new ArrayList<>(List.of(functions));
        }

        int node(int parent, FunctionKey function, long count, long total) {
            int n = tree.child(parent, functions.indexOf(function));
            tree.add(n, count, total);
            return n;
        }

        ProfileData build(double secondsPerTick) {
            return new ProfileData(functions, List.of(ThreadProfile.of("main", 1, false, tree.build())), secondsPerTick,
                    Metadata.empty());
        }
    }
}
