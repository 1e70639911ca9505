package io.speedkit.profiler;

import io.speedkit.profiler.data.CallTree;
import io.speedkit.profiler.data.FunctionKey;
import io.speedkit.profiler.data.ProfileData;
import io.speedkit.profiler.data.ThreadProfile;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives cProfile's per-function and per-edge numbers from a profile's calling-context trees, exactly
 * as {@code _lsprof} would have counted them live.
 *
 * <p>For each node N (function f, count c, inclusive time T, self time S) under parent P (function g):
 * <ul>
 * <li>f's ncalls and tottime take c and S at every node;</li>
 * <li>f's primitive calls and cumtime take c and T only where no proper ancestor of N runs f — the
 *     outermost activation, which is where {@code _lsprof} finds its recursion level back at zero. This
 *     covers mutual recursion too (even→odd→even);</li>
 * <li>the edge g→f takes c and S at every such node, and c and T only where the pair (g, f) does not
 *     already occur as a (parent, child) pair on the path above N — {@code _lsprof} keeps a separate
 *     recursion level per edge.</li>
 * </ul>
 * So {@code fact(5)} called three times from {@code work} gives fact {@code 15/3}, edge fact→fact
 * {@code 12/3} and edge work→fact {@code 3}.
 *
 * <p>The walk is an iterative depth-first search with counters of the functions and edges on the current
 * path: trees can be 100 000 frames deep (a recursion would overflow the Java stack) and hold millions
 * of nodes. Times are summed in ticks, exactly, and converted to seconds once at the end, as
 * {@code _lsprof} converts its integer clock.
 */
final class TreeDerivation {

    private final double secondsPerTick;
    /** Function index → the first index with an equal key, so a table with duplicates still counts once. */
    private final int[] canonical;
    private final List<FunctionKey> keys;

    /*
     * Per function and per edge, the five sums side by side in one long[] (stride 6): a node touches one
     * cache line of its function and one of its edge instead of one per array. A million nodes of a
     * large program visit them in no order the cache could guess.
     */
    private static final int CALLS = 0;
    private static final int PRIMITIVE = 1;
    private static final int SELF = 2;
    private static final int CUMULATIVE = 3;
    /** How many nodes on the current path (the node being entered excluded) run the function / took the edge. */
    private static final int ACTIVE = 4;
    /** Functions: 1 once seen. Edges: caller << 32 | callee. */
    private static final int TAG = 5;
    private static final int STRIDE = 6;

    private final long[] functionSums;

    /**
     * Edge numbers by caller: for each caller function a small open-addressing table of
     * {@code (callee + 1, edge)} pairs. A caller has few callees, so its table is a cache line or two;
     * one global hash table of a million edges made every lookup a cache miss (and a HashMap of Long keys,
     * which hash caller ^ callee, collided into treeified buckets).
     */
    private final int[][] calleesOf;
    private final int[] calleeCount;
    private int edgeCount;
    private long[] edgeSums = new long[64 * STRIDE];

    private TreeDerivation(ProfileData profile) {
        this.secondsPerTick = profile.secondsPerTick();
        this.keys = profile.functions();
        int n = keys.size();
        this.canonical = new int[n];
        Map<FunctionKey, Integer> first = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Integer earlier = first.putIfAbsent(keys.get(i), i);
            canonical[i] = earlier == null ? i : earlier;
        }
        this.functionSums = new long[n * STRIDE];
        this.calleesOf = new int[n][];
        this.calleeCount = new int[n];
    }

    /** Every function that occurs in some tree of {@code profile}, with its callers, summed over all threads. */
    static Map<FunctionKey, FunctionStats> derive(ProfileData profile) {
        TreeDerivation d = new TreeDerivation(profile);
        for (ThreadProfile thread : profile.threads()) {
            d.walk(thread.tree());
        }
        return d.result();
    }

    private void walk(CallTree tree) {
        int n = tree.size();
        if (n == 0) {
            return;
        }
        long[] self = tree.selfTimes();
        // Children as linked lists in node order; "cursor" doubles as each open node's next child to visit.
        int[] cursor = new int[n];
        Arrays.fill(cursor, -1);
        int[] nextSibling = new int[n];
        int firstRoot = -1;
        for (int i = n - 1; i >= 0; i--) {
            int p = tree.parent(i);
            if (p < 0) {
                nextSibling[i] = firstRoot;
                firstRoot = i;
            } else {
                nextSibling[i] = cursor[p];
                cursor[p] = i;
            }
        }
        // Every node's edge, found parent by parent: a caller's table is loaded once for all its children
        // instead of once per node in depth-first order, where it has long left the cache.
        int[] edgeOfNode = new int[n];
        for (int p = 0; p < n; p++) {
            int child = cursor[p];
            if (child >= 0) {
                int caller = canonical[tree.function(p)];
                for (; child >= 0; child = nextSibling[child]) {
                    edgeOfNode[child] = edge(caller, canonical[tree.function(child)]);
                }
            }
        }
        int[] stack = new int[n];
        for (int root = firstRoot; root >= 0; root = nextSibling[root]) {
            enter(tree, root, self, edgeOfNode);
            stack[0] = root;
            int depth = 1;
            while (depth > 0) {
                int top = stack[depth - 1];
                int child = cursor[top];
                if (child >= 0) {
                    cursor[top] = nextSibling[child];
                    enter(tree, child, self, edgeOfNode);
                    stack[depth++] = child;
                } else {
                    exit(tree, top, edgeOfNode);
                    depth--;
                }
            }
        }
    }

    private void enter(CallTree tree, int node, long[] self, int[] edgeOfNode) {
        int f = canonical[tree.function(node)];
        long c = tree.count(node);
        long total = tree.total(node);
        long s = self[node];
        long[] fs = functionSums;
        int at = f * STRIDE;
        fs[at + TAG] = 1;
        fs[at + CALLS] += c;
        fs[at + SELF] += s;
        if (fs[at + ACTIVE]++ == 0) {
            fs[at + PRIMITIVE] += c;
            fs[at + CUMULATIVE] += total;
        }

        if (tree.parent(node) < 0) {
            return;
        }
        int e = edgeOfNode[node];
        long[] es = edgeSums;
        int eat = e * STRIDE;
        es[eat + CALLS] += c;
        es[eat + SELF] += s;
        if (es[eat + ACTIVE]++ == 0) {
            es[eat + PRIMITIVE] += c;
            es[eat + CUMULATIVE] += total;
        }
    }

    private void exit(CallTree tree, int node, int[] edgeOfNode) {
        functionSums[canonical[tree.function(node)] * STRIDE + ACTIVE]--;
        if (tree.parent(node) >= 0) {
            edgeSums[edgeOfNode[node] * STRIDE + ACTIVE]--;
        }
    }

    private int edge(int caller, int callee) {
        int[] table = calleesOf[caller];
        if (table == null) {
            table = new int[8]; // four slots of (callee + 1, edge)
            calleesOf[caller] = table;
        }
        int mask = table.length / 2 - 1;
        int slot = (callee * 0x9E3779B9 >>> 16) & mask;
        while (table[2 * slot] != 0) {
            if (table[2 * slot] == callee + 1) {
                return table[2 * slot + 1];
            }
            slot = (slot + 1) & mask;
        }
        int e = edgeCount++;
        if ((e + 1) * STRIDE > edgeSums.length) {
            edgeSums = Arrays.copyOf(edgeSums, edgeSums.length * 2);
        }
        edgeSums[e * STRIDE + TAG] = ((long) caller << 32) | (callee & 0xFFFFFFFFL);
        table[2 * slot] = callee + 1;
        table[2 * slot + 1] = e;
        if (++calleeCount[caller] * 2 > mask + 1) {
            calleesOf[caller] = grow(table);
        }
        return e;
    }

    /** The same pairs in a table twice the size. */
    private static int[] grow(int[] table) {
        int[] bigger = new int[table.length * 2];
        int mask = bigger.length / 2 - 1;
        for (int i = 0; i < table.length; i += 2) {
            if (table[i] != 0) {
                int slot = ((table[i] - 1) * 0x9E3779B9 >>> 16) & mask;
                while (bigger[2 * slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                bigger[2 * slot] = table[i];
                bigger[2 * slot + 1] = table[i + 1];
            }
        }
        return bigger;
    }

    /**
     * The rows, built without a key comparison per insertion: the functions are put in pstats' key order
     * once, and every caller list is sorted by that rank (integers).
     */
    private Map<FunctionKey, FunctionStats> result() {
        int functions = canonical.length;
        Integer[] order = new Integer[functions];
        int n = 0;
        for (int f = 0; f < functions; f++) {
            if (functionSums[f * STRIDE + TAG] != 0) {
                order[n++] = f;
            }
        }
        order = Arrays.copyOf(order, n);
        Arrays.sort(order, (a, b) -> PythonText.KEY_ORDER.compare(keys.get(a), keys.get(b)));
        int[] rank = new int[functions];
        for (int i = 0; i < n; i++) {
            rank[order[i]] = i;
        }
        // Edges grouped by callee, each group in its callers' key order.
        int[] edgesByCallee = new int[edgeCount];
        int[] start = new int[functions + 1];
        for (int e = 0; e < edgeCount; e++) {
            start[callee(e) + 1]++;
        }
        for (int f = 0; f < functions; f++) {
            start[f + 1] += start[f];
        }
        int[] fill = Arrays.copyOf(start, functions);
        for (int e = 0; e < edgeCount; e++) {
            edgesByCallee[fill[callee(e)]++] = e;
        }
        // Callers are built when first asked for: a report of the top rows never needs a million edges.
        Edges shared = new Edges(keys, edgeSums, edgesByCallee, rank, secondsPerTick);
        FunctionKey[] rowKeys = new FunctionKey[n];
        FunctionStats[] rows = new FunctionStats[n];
        for (int i = 0; i < n; i++) {
            int f = order[i];
            rowKeys[i] = keys.get(f);
            int at = f * STRIDE;
            Map<FunctionKey, CallStats> callers = start[f] == start[f + 1] ? new KeyOrderedMap<>(new FunctionKey[0], new CallStats[0])
                    : new KeyOrderedMap<>(shared, start[f], start[f + 1]);
            rows[i] = new FunctionStats(functionSums[at + PRIMITIVE], functionSums[at + CALLS], seconds(functionSums[at + SELF]),
                    seconds(functionSums[at + CUMULATIVE]), callers);
        }
        return new KeyOrderedMap<>(rowKeys, rows);
    }

    /**
     * What a function's callers are built from, on first use: the edges' sums, grouped by callee in
     * {@code byCallee}, and the functions' ranks in key order, which sort a group without comparing keys.
     */
    record Edges(List<FunctionKey> keys, long[] sums, int[] byCallee, int[] rank, double secondsPerTick) {
        /** The callers of the edges {@code byCallee[lo..hi)}, in key order. */
        KeyOrderedMap<CallStats> callers(int lo, int hi) {
            long[] byRank = new long[hi - lo]; // caller rank << 32 | edge: sorts by rank, then finds the edge
            for (int k = lo; k < hi; k++) {
                int e = byCallee[k];
                byRank[k - lo] = ((long) rank[(int) (sums[e * STRIDE + TAG] >>> 32)] << 32) | e;
            }
            Arrays.sort(byRank);
            FunctionKey[] callerKeys = new FunctionKey[byRank.length];
            CallStats[] edges = new CallStats[byRank.length];
            for (int k = 0; k < byRank.length; k++) {
                int at = (int) byRank[k] * STRIDE;
                callerKeys[k] = keys.get((int) (sums[at + TAG] >>> 32));
                edges[k] = new CallStats(sums[at + CALLS], sums[at + PRIMITIVE], sums[at + SELF] * secondsPerTick,
                        sums[at + CUMULATIVE] * secondsPerTick);
            }
            return new KeyOrderedMap<>(callerKeys, edges);
        }
    }

    private int caller(int e) {
        return (int) (edgeSums[e * STRIDE + TAG] >>> 32);
    }

    private int callee(int e) {
        return (int) edgeSums[e * STRIDE + TAG];
    }

    private double seconds(long ticks) {
        return ticks * secondsPerTick;
    }
}
