package io.speedkit.profiler;

import io.speedkit.profiler.data.CallTree;
import io.speedkit.profiler.data.FunctionKey;
import io.speedkit.profiler.data.ProfileData;
import io.speedkit.profiler.data.ThreadProfile;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    private final boolean[] seen;
    private final long[] calls;
    private final long[] primitiveCalls;
    private final long[] selfTicks;
    private final long[] cumulativeTicks;
    /** How many nodes on the current path (the node being entered excluded) run each function. */
    private final int[] activeFunctions;

    /**
     * (caller function << 32 | callee function) → edge number, open addressing. Not a HashMap of Longs:
     * Long's hash folds the two halves together (caller ^ callee), and call graphs are full of pairs
     * that collide under it; a million edges then took seconds.
     */
    private long[] edgeKeys = new long[128];
    private int[] edgeSlots = new int[128];
    private int edgeCount;
    private int[] edgeCaller = new int[64];
    private int[] edgeCallee = new int[64];
    private long[] edgeCalls = new long[64];
    private long[] edgePrimitiveCalls = new long[64];
    private long[] edgeSelfTicks = new long[64];
    private long[] edgeCumulativeTicks = new long[64];
    /** How many nodes on the current path were entered along each edge. */
    private int[] activeEdges = new int[64];

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
        this.seen = new boolean[n];
        this.calls = new long[n];
        this.primitiveCalls = new long[n];
        this.selfTicks = new long[n];
        this.cumulativeTicks = new long[n];
        this.activeFunctions = new int[n];
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
        int[] edgeOfNode = new int[n];
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
        seen[f] = true;
        calls[f] += c;
        selfTicks[f] += self[node];
        if (activeFunctions[f] == 0) {
            primitiveCalls[f] += c;
            cumulativeTicks[f] += total;
        }
        activeFunctions[f]++;

        int parent = tree.parent(node);
        if (parent < 0) {
            edgeOfNode[node] = -1;
            return;
        }
        int e = edge(canonical[tree.function(parent)], f);
        edgeOfNode[node] = e;
        edgeCalls[e] += c;
        edgeSelfTicks[e] += self[node];
        if (activeEdges[e] == 0) {
            edgePrimitiveCalls[e] += c;
            edgeCumulativeTicks[e] += total;
        }
        activeEdges[e]++;
    }

    private void exit(CallTree tree, int node, int[] edgeOfNode) {
        activeFunctions[canonical[tree.function(node)]]--;
        int e = edgeOfNode[node];
        if (e >= 0) {
            activeEdges[e]--;
        }
    }

    private int edge(int caller, int callee) {
        long key = ((long) caller << 32) | (callee & 0xFFFFFFFFL);
        int mask = edgeKeys.length - 1;
        int slot = mix(key) & mask;
        // Keys are stored plus one, so that 0 marks an empty slot.
        while (edgeKeys[slot] != 0) {
            if (edgeKeys[slot] == key + 1) {
                return edgeSlots[slot];
            }
            slot = (slot + 1) & mask;
        }
        if (edgeCount == edgeCaller.length) {
            int cap = edgeCount * 2;
            edgeCaller = Arrays.copyOf(edgeCaller, cap);
            edgeCallee = Arrays.copyOf(edgeCallee, cap);
            edgeCalls = Arrays.copyOf(edgeCalls, cap);
            edgePrimitiveCalls = Arrays.copyOf(edgePrimitiveCalls, cap);
            edgeSelfTicks = Arrays.copyOf(edgeSelfTicks, cap);
            edgeCumulativeTicks = Arrays.copyOf(edgeCumulativeTicks, cap);
            activeEdges = Arrays.copyOf(activeEdges, cap);
        }
        edgeCaller[edgeCount] = caller;
        edgeCallee[edgeCount] = callee;
        edgeKeys[slot] = key + 1;
        edgeSlots[slot] = edgeCount;
        if (2 * (edgeCount + 1) > edgeKeys.length) {
            rehash();
        }
        return edgeCount++;
    }

    private void rehash() {
        long[] oldKeys = edgeKeys;
        int[] oldSlots = edgeSlots;
        edgeKeys = new long[oldKeys.length * 2];
        edgeSlots = new int[oldKeys.length * 2];
        int mask = edgeKeys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = mix(oldKeys[i] - 1) & mask;
                while (edgeKeys[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                edgeKeys[slot] = oldKeys[i];
                edgeSlots[slot] = oldSlots[i];
            }
        }
    }

    /** A 64-bit finaliser (MurmurHash3's fmix64), so that nearby keys spread over the table. */
    private static int mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return (int) k;
    }

    private Map<FunctionKey, FunctionStats> result() {
        Map<Integer, Map<FunctionKey, CallStats>> callersOf = new HashMap<>();
        for (int e = 0; e < edgeCount; e++) {
            callersOf.computeIfAbsent(edgeCallee[e], k -> new HashMap<>()).put(keys.get(edgeCaller[e]),
                    new CallStats(edgeCalls[e], edgePrimitiveCalls[e], seconds(edgeSelfTicks[e]),
                            seconds(edgeCumulativeTicks[e])));
        }
        Map<FunctionKey, FunctionStats> out = new TreeMap<>(PythonText.KEY_ORDER);
        for (int f = 0; f < seen.length; f++) {
            if (seen[f]) {
                out.put(keys.get(f), new FunctionStats(primitiveCalls[f], calls[f], seconds(selfTicks[f]),
                        seconds(cumulativeTicks[f]), callersOf.getOrDefault(f, Map.of())));
            }
        }
        return out;
    }

    private double seconds(long ticks) {
        return ticks * secondsPerTick;
    }
}
