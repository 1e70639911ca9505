package io.speedkit.profiler.data;

import java.util.Arrays;

/**
 * One thread's calling-context tree: a node per distinct call path, with how often that path was
 * entered and the total time spent in it (sub-calls included). Everything cProfile reports — ncalls,
 * primitive calls, tottime, cumtime, caller/callee edges — is derived from this tree; see
 * {@code io.speedkit.profiler.Stats}.
 *
 * <p>Nodes are numbered {@code 0..size()-1} and every node's parent has a smaller number
 * ({@code parent(i) < i}), so a forward pass visits parents before children. A root has parent
 * {@code -1}. Functions are indexes into the owning {@link ProfileData#functions()} list. Times are in
 * the profile's clock ticks ({@link ProfileData#secondsPerTick()}).
 *
 * <p>A node's self time (cProfile's tottime) is its total minus its children's totals, since every
 * activation of a child happens inside an activation of its parent.
 */
public final class CallTree {

    private static final CallTree EMPTY = new CallTree(new int[0], new int[0], new long[0], new long[0]);

    private final int[] parents;
    private final int[] functions;
    private final long[] counts;
    private final long[] totals;

    private CallTree(int[] parents, int[] functions, long[] counts, long[] totals) {
        this.parents = parents;
        this.functions = functions;
        this.counts = counts;
        this.totals = totals;
    }

    /** The tree with no nodes. */
    public static CallTree empty() {
        return EMPTY;
    }

    /**
     * A tree from parallel arrays (copied). Rejects arrays of different lengths, a parent that does not
     * precede its child, and negative function indexes, counts or times.
     */
    public static CallTree of(int[] parents, int[] functions, long[] counts, long[] totals) {
        return adopt(parents.clone(), functions.clone(), counts.clone(), totals.clone());
    }

    /** As {@link #of} but takes ownership of the arrays (no copy); used by readers and builders. */
    static CallTree adopt(int[] parents, int[] functions, long[] counts, long[] totals) {
        int n = parents.length;
        if (functions.length != n || counts.length != n || totals.length != n) {
            throw new IllegalArgumentException("call tree arrays differ in length: parents=" + n + ", functions="
                    + functions.length + ", counts=" + counts.length + ", totals=" + totals.length);
        }
        for (int i = 0; i < n; i++) {
            if (parents[i] < -1 || parents[i] >= i) {
                throw new IllegalArgumentException("call tree node " + i + " has parent " + parents[i]
                        + "; a parent must be -1 or a smaller node number");
            }
            if (functions[i] < 0) {
                throw new IllegalArgumentException("call tree node " + i + " has function index " + functions[i]);
            }
            if (counts[i] < 0 || totals[i] < 0) {
                throw new IllegalArgumentException("call tree node " + i + " has count " + counts[i] + " and time "
                        + totals[i] + "; both must be >= 0");
            }
        }
        return n == 0 ? EMPTY : new CallTree(parents, functions, counts, totals);
    }

    public int size() {
        return parents.length;
    }

    /** The parent node, or -1 for a root. */
    public int parent(int node) {
        return parents[node];
    }

    /** Index of the node's function in {@link ProfileData#functions()}. */
    public int function(int node) {
        return functions[node];
    }

    /** How many times this call path was entered (and left, or closed when the profile ended). */
    public long count(int node) {
        return counts[node];
    }

    /** Total time in this call path, sub-calls included, in clock ticks. */
    public long total(int node) {
        return totals[node];
    }

    /** The largest function index used, or -1 for an empty tree. */
    public int maxFunction() {
        int max = -1;
        for (int f : functions) {
            max = Math.max(max, f);
        }
        return max;
    }

    /** Self time of every node: its total minus its children's totals, never below zero. */
    public long[] selfTimes() {
        long[] self = totals.clone();
        for (int i = 0; i < parents.length; i++) {
            int p = parents[i];
            if (p >= 0) {
                self[p] -= totals[i];
            }
        }
        for (int i = 0; i < self.length; i++) {
            // A live thread snapshotted at exit can leave a child a few ticks longer than its parent.
            self[i] = Math.max(0, self[i]);
        }
        return self;
    }

    /** Sum of the roots' totals: all time recorded in this tree. */
    public long rootTotal() {
        long sum = 0;
        for (int i = 0; i < parents.length; i++) {
            if (parents[i] < 0) {
                sum += totals[i];
            }
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CallTree t && Arrays.equals(parents, t.parents) && Arrays.equals(functions, t.functions)
                && Arrays.equals(counts, t.counts) && Arrays.equals(totals, t.totals);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(parents) + Arrays.hashCode(functions);
    }

    @Override
    public String toString() {
        return "CallTree[" + size() + " nodes]";
    }

    /**
     * Builds a tree node by node; children are found by (parent, function), so adding the same path twice
     * adds to one node. Used to merge trees and to build trees by hand in tests.
     */
    public static final class Builder {
        private int size;
        private int[] parents = new int[16];
        private int[] functions = new int[16];
        private long[] counts = new long[16];
        private long[] totals = new long[16];
        private final java.util.HashMap<Long, Integer> index = new java.util.HashMap<>();

        /** The node for {@code function} under {@code parent} (-1 for a root), created when absent. */
        public int child(int parent, int function) {
            if (parent < -1 || parent >= size) {
                throw new IllegalArgumentException("no node " + parent + " in a tree of " + size);
            }
            Long key = ((long) parent << 32) | (function & 0xFFFFFFFFL);
            Integer existing = index.get(key);
            if (existing != null) {
                return existing;
            }
            if (size == parents.length) {
                int cap = size * 2;
                parents = Arrays.copyOf(parents, cap);
                functions = Arrays.copyOf(functions, cap);
                counts = Arrays.copyOf(counts, cap);
                totals = Arrays.copyOf(totals, cap);
            }
            parents[size] = parent;
            functions[size] = function;
            index.put(key, size);
            return size++;
        }

        /** Adds calls and time to a node. */
        public Builder add(int node, long count, long total) {
            counts[node] += count;
            totals[node] += total;
            return this;
        }

        /** Adds every path of {@code tree}, with its function indexes mapped through {@code functionMap}. */
        public Builder addAll(CallTree tree, int[] functionMap) {
            int[] mapped = new int[tree.size()];
            for (int i = 0; i < tree.size(); i++) {
                int p = tree.parent(i);
                int node = child(p < 0 ? -1 : mapped[p], functionMap[tree.function(i)]);
                mapped[i] = node;
                add(node, tree.count(i), tree.total(i));
            }
            return this;
        }

        public int size() {
            return size;
        }

        public CallTree build() {
            return adopt(Arrays.copyOf(parents, size), Arrays.copyOf(functions, size), Arrays.copyOf(counts, size),
                    Arrays.copyOf(totals, size));
        }
    }
}
