package io.speedkit.agent;

import static org.junit.jupiter.api.Assertions.fail;

import io.speedkit.probe.Control;
import io.speedkit.profiler.data.CallTree;
import io.speedkit.profiler.data.FunctionKey;
import io.speedkit.profiler.data.ProfileData;
import io.speedkit.profiler.data.ProfileReader;
import io.speedkit.profiler.data.ThreadProfile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One in-process recording session over the deterministic {@link Ticks} clock (one second per tick),
 * read back through the saved-profile format with the strict {@link ProfileReader}, and the views the
 * tests assert on: a thread's tree rendered as indented {@code name count=N total=T} lines.
 *
 * <p>Names read as pstats prints them: {@code Recursion.fib} for program methods,
 * {@code {method java.util.List.sort}} for JDK calls timed at their call site.
 */
final class Recording {
    /** The code recorded; may return a value for the test to check. */
    @FunctionalInterface
    interface Body {
        Object run() throws Throwable;
    }

    private final ProfileData data;
    private final Object result;
    private final String threadName;

    private Recording(ProfileData data, Object result, String threadName) {
        this.data = data;
        this.result = result;
        this.threadName = threadName;
    }

    /**
     * Records {@code body} on the calling thread (and whatever threads it starts). The session is always
     * disabled, also when the body throws — the body's exception then propagates.
     */
    static Recording of(Body body) throws Throwable {
        Ticks.reset();
        Control.enable(Ticks::now, 1.0);
        Object result;
        byte[] bytes;
        try {
            result = body.run();
        } finally {
            bytes = Control.disable();
        }
        return new Recording(read(bytes), result, Thread.currentThread().getName());
    }

    /** Wraps profile bytes obtained otherwise (e.g. a disable() called by a target). */
    static Recording of(byte[] bytes) throws IOException {
        return new Recording(read(bytes), null, Thread.currentThread().getName());
    }

    static ProfileData read(byte[] bytes) throws IOException {
        return ProfileReader.read(new ByteArrayInputStream(bytes));
    }

    ProfileData data() {
        return data;
    }

    Object result() {
        return result;
    }

    /** The profile of the platform thread named {@code name}; fails listing the threads there are. */
    ThreadProfile thread(String name) {
        ThreadProfile found = null;
        for (ThreadProfile t : data.threads()) {
            if (t.name().equals(name)) {
                if (found != null) {
                    fail("two threads named " + name + " in " + threadNames());
                }
                found = t;
            }
        }
        if (found == null) {
            fail("no thread named " + name + " in " + threadNames());
        }
        return found;
    }

    List<String> threadNames() {
        List<String> names = new ArrayList<>();
        for (ThreadProfile t : data.threads()) {
            names.add(t.name());
        }
        return names;
    }

    /** The tree of the thread that recorded, or "" when it recorded nothing. */
    String tree() {
        return threadNames().contains(threadName) ? tree(thread(threadName)) : "";
    }

    /** The tree of the thread named {@code name}. */
    String tree(String name) {
        return tree(thread(name));
    }

    /** Indented {@code name count=N total=T} lines, children in the order they were first called. */
    String tree(ThreadProfile t) {
        CallTree tree = t.tree();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tree.size(); i++) {
            if (tree.parent(i) < 0) {
                render(tree, i, 0, sb);
            }
        }
        return sb.toString();
    }

    private void render(CallTree tree, int node, int depth, StringBuilder sb) {
        // iterative would be needed for very deep trees; the tests render only shallow ones
        sb.append("  ".repeat(depth)).append(name(tree.function(node))).append(" count=").append(tree.count(node))
                .append(" total=").append(tree.total(node)).append('\n');
        for (int i = node + 1; i < tree.size(); i++) {
            if (tree.parent(i) == node) {
                render(tree, i, depth + 1, sb);
            }
        }
    }

    /** A function's name as the tree shows it. */
    String name(int function) {
        FunctionKey k = data.functions().get(function);
        return k.isBuiltin() ? k.stdName() : k.name();
    }

    /** Sum of the counts of every node of {@code functionName} in the thread's tree (pstats' ncalls). */
    long calls(ThreadProfile t, String functionName) {
        CallTree tree = t.tree();
        long sum = 0;
        for (int i = 0; i < tree.size(); i++) {
            if (name(tree.function(i)).equals(functionName)) {
                sum += tree.count(i);
            }
        }
        return sum;
    }

    /** Counts of the nodes of {@code functionName} with no ancestor of the same function (pstats' primitive calls). */
    long primitiveCalls(ThreadProfile t, String functionName) {
        CallTree tree = t.tree();
        long sum = 0;
        for (int i = 0; i < tree.size(); i++) {
            if (!name(tree.function(i)).equals(functionName)) {
                continue;
            }
            boolean recursive = false;
            for (int p = tree.parent(i); p >= 0; p = tree.parent(p)) {
                if (tree.function(p) == tree.function(i)) {
                    recursive = true;
                    break;
                }
            }
            if (!recursive) {
                sum += tree.count(i);
            }
        }
        return sum;
    }

    /** The metadata entry as a long; fails when absent. */
    long metadataLong(String key) {
        String v = data.metadata().get(key);
        if (v == null) {
            fail("no metadata entry " + key + " in " + data.metadata());
        }
        return Long.parseLong(v);
    }
}
