package io.speedkit.probe;

import io.speedkit.profiler.data.CallTree;
import io.speedkit.profiler.data.FunctionKey;
import io.speedkit.profiler.data.ThreadProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every thread's recorded state, reachable from one place: the registry of threads that recorded in
 * the current session, and the merged tree of finished virtual threads.
 *
 * <p>A ThreadLocal is only a cache: threads die, and the snapshot must see everyone's data. A virtual
 * thread's tree is folded into one shared "virtual threads" tree when its stack returns to depth 0 and
 * its state is dropped, so memory follows the virtual threads in flight, not the millions ever started.
 * The lock is taken only when a thread starts or retires and by the snapshot; never per call.
 */
final class Recorder {
    private static final Object LOCK = new Object();
    private static ThreadState head;

    private static int groupEpoch = -1;
    private static Node groupRoot = new Node(-1, null);
    private static long groupThreads;

    private Recorder() {
    }

    static void register(ThreadState s) {
        synchronized (LOCK) {
            s.registered = true;
            s.prev = null;
            s.next = head;
            if (head != null) {
                head.prev = s;
            }
            head = s;
        }
    }

    /**
     * A virtual thread back at depth 0: fold its tree into the group and empty it. The state stays in
     * the thread's ThreadLocal (a few hundred bytes, gone with the thread), so that a thread returning
     * to depth 0 several times is counted once.
     */
    static void retire(ThreadState s) {
        int e = s.epoch;
        synchronized (LOCK) {
            unlink(s);
            if (groupEpoch != e) {
                groupEpoch = e;
                groupRoot = new Node(-1, null);
                groupThreads = 0;
            }
            merge(s.root, groupRoot);
            if (s.countedEpoch != e) {
                s.countedEpoch = e;
                groupThreads++;
            }
        }
        Probe.forget(s);
        s.reset(-1); // the next call starts a fresh tree and registers it again
    }

    /**
     * Before a new session: forgets every thread's state of earlier sessions, so that memory does not
     * grow with the threads of every session, and a tree left from a session with the same (recycled)
     * epoch can never be mistaken for the new one's. No probe records while this runs.
     */
    static void forgetSessions() {
        synchronized (LOCK) {
            for (ThreadState s = head; s != null; ) {
                ThreadState next = s.next;
                unlink(s);
                s.reset(-1); // frees the old tree now, not when the thread next makes a call
                s = next;
            }
            groupEpoch = -1;
            groupRoot = new Node(-1, null);
            groupThreads = 0;
        }
    }

    private static void unlink(ThreadState s) {
        if (!s.registered) {
            return;
        }
        if (s.prev != null) {
            s.prev.next = s.next;
        } else {
            head = s.next;
        }
        if (s.next != null) {
            s.next.prev = s.prev;
        }
        s.prev = null;
        s.next = null;
        s.registered = false;
    }

    /** Adds every path under {@code from} to the tree under {@code into}; iterative, trees can be deep. */
    private static void merge(Node from, Node into) {
        Node[] src = new Node[64];
        Node[] dst = new Node[64];
        int top = 0;
        src[0] = from;
        dst[0] = into;
        while (top >= 0) {
            Node a = src[top];
            Node b = dst[top];
            top--;
            for (int i = 0; i < a.childCount; i++) {
                Node c = a.children[i];
                Node d = b.child(c.function);
                d.count += c.count;
                d.total += c.total;
                if (c.childCount > 0) {
                    if (++top == src.length) {
                        src = Arrays.copyOf(src, top * 2);
                        dst = Arrays.copyOf(dst, top * 2);
                    }
                    src[top] = c;
                    dst[top] = d;
                }
            }
        }
    }

    /**
     * The trees of session {@code e}, with frames still open closed at clock value {@code now}: each
     * counts as a call, as cProfile's flush of unmatched frames does. Call only after {@link Probe#stop()}.
     */
    static Snapshot snapshot(int e, long now) {
        synchronized (LOCK) {
            Snapshot snap = new Snapshot(now);
            List<ThreadState> states = new ArrayList<>();
            for (ThreadState s = head; s != null; s = s.next) {
                if (s.epoch == e) {
                    states.add(s);
                }
            }
            // Oldest first: states are pushed at the head, so the main thread would otherwise come last.
            for (int i = states.size() - 1; i >= 0; i--) {
                ThreadState s = states.get(i);
                CallTree tree = snap.tree(s.root, s);
                if (tree.size() > 0) {
                    snap.threads.add(ThreadProfile.of(s.thread.getName(), s.threadId, s.virtual, tree));
                }
            }
            if (groupEpoch == e && groupThreads > 0) {
                CallTree tree = snap.tree(groupRoot, null);
                if (tree.size() > 0) {
                    snap.threads.add(new ThreadProfile("virtual threads", -1, true, groupThreads, tree));
                }
            }
            return snap;
        }
    }

    /** The trees copied out of the live nodes, over a function table holding only the functions they use. */
    static final class Snapshot {
        final long now;
        final List<ThreadProfile> threads = new ArrayList<>();
        final List<FunctionKey> functions = new ArrayList<>();
        long openFrames;
        /** Function id to its index in {@link #functions}, or -1. */
        private int[] compact;

        Snapshot(long now) {
            this.now = now;
            compact = new int[Math.max(16, Functions.count())];
            Arrays.fill(compact, -1);
        }

        private int function(int id) {
            if (id >= compact.length) {
                int old = compact.length;
                compact = Arrays.copyOf(compact, Math.max(id + 1, old * 2));
                Arrays.fill(compact, old, compact.length, -1);
            }
            int c = compact[id];
            if (c < 0) {
                c = functions.size();
                compact[id] = c;
                functions.add(Functions.key(id));
            }
            return c;
        }

        /** The tree under {@code root} in pre-order; {@code open}'s open frames are closed at {@link #now}. */
        CallTree tree(Node root, ThreadState open) {
            int n = 0;
            int cap = 64;
            int[] parents = new int[cap];
            int[] fns = new int[cap];
            long[] counts = new long[cap];
            long[] totals = new long[cap];
            Node[] work = new Node[64];
            int top = -1;
            // Children are pushed in reverse so that siblings are numbered in the order they were first called.
            for (int i = root.childCount - 1; i >= 0; i--) {
                if (++top == work.length) {
                    work = Arrays.copyOf(work, top * 2);
                }
                work[top] = root.children[i];
            }
            while (top >= 0) {
                Node x = work[top--];
                if (n == cap) {
                    cap *= 2;
                    parents = Arrays.copyOf(parents, cap);
                    fns = Arrays.copyOf(fns, cap);
                    counts = Arrays.copyOf(counts, cap);
                    totals = Arrays.copyOf(totals, cap);
                }
                x.mark = n;
                parents[n] = x.parent == root ? -1 : x.parent.mark;
                fns[n] = function(x.function);
                counts[n] = x.count;
                totals[n] = x.total;
                n++;
                for (int i = x.childCount - 1; i >= 0; i--) {
                    if (++top == work.length) {
                        work = Arrays.copyOf(work, top * 2);
                    }
                    work[top] = x.children[i];
                }
            }
            if (open != null) {
                Node[] stack = open.stack;
                long[] starts = open.starts;
                int depth = Math.min(open.depth, Math.min(stack.length, starts.length) - 1);
                for (int d = 1; d <= depth; d++) {
                    Node x = stack[d];
                    if (x != null) {
                        counts[x.mark]++;
                        totals[x.mark] += Math.max(0, now - starts[d]);
                        openFrames++;
                    }
                }
            }
            return CallTree.of(Arrays.copyOf(parents, n), Arrays.copyOf(fns, n), Arrays.copyOf(counts, n),
                    Arrays.copyOf(totals, n));
        }
    }
}
