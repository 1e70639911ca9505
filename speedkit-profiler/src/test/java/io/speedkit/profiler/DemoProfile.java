package io.speedkit.profiler;

import io.speedkit.profiler.data.CallTree;
import io.speedkit.profiler.data.FunctionKey;
import io.speedkit.profiler.data.Metadata;
import io.speedkit.profiler.data.ProfileData;
import io.speedkit.profiler.data.ThreadProfile;

import java.util.List;

/**
 * The profile of python-tools.md's {@code demo.py} (appendix A) as a hand-built call tree, with integer
 * tick times chosen so that, at one microsecond per tick, pstats prints exactly the verbatim
 * {@code python -m cProfile demo.py} output of §1.7: the same rows, in the same cumulative order.
 *
 * <pre>
 * exec 10124 > &lt;module&gt; 10123 > work 10122 > sorted 4
 *                                         > fact×3 7 > fact×3 4 > fact×3 3 > fact×3 2 > fact×3 1
 *                                         > append×3 1
 *                                         > even 5 > odd 2 > even 1 > odd 1 > even 0
 *                                         > join 3
 *                                         > sleep 10100
 * disable 8
 * </pre>
 */
final class DemoProfile {

    static final FunctionKey EXEC = FunctionKey.builtin("built-in method builtins.exec");
    static final FunctionKey MODULE = new FunctionKey("demo.py", 1, "<module>");
    static final FunctionKey WORK = new FunctionKey("demo.py", 8, "work");
    static final FunctionKey SORTED = FunctionKey.builtin("built-in method builtins.sorted");
    static final FunctionKey FACT = new FunctionKey("demo.py", 2, "fact");
    static final FunctionKey APPEND = FunctionKey.builtin("method 'append' of 'list' objects");
    static final FunctionKey EVEN = new FunctionKey("demo.py", 4, "even");
    static final FunctionKey ODD = new FunctionKey("demo.py", 6, "odd");
    static final FunctionKey JOIN = FunctionKey.builtin("method 'join' of 'str' objects");
    static final FunctionKey SLEEP = FunctionKey.builtin("built-in method time.sleep");
    static final FunctionKey DISABLE = FunctionKey.builtin("method 'disable' of '_lsprof.Profiler' objects");

    static final List<FunctionKey> FUNCTIONS = List.of(EXEC, MODULE, WORK, SORTED, FACT, APPEND, EVEN, ODD, JOIN, SLEEP,
            DISABLE);

    private DemoProfile() {
    }

    /** The demo at one microsecond per tick: the numbers of the verbatim cProfile output. */
    static ProfileData micros() {
        return withSecondsPerTick(1e-6);
    }

    /** The demo at the given tick length. */
    static ProfileData withSecondsPerTick(double secondsPerTick) {
        return new ProfileData(FUNCTIONS, List.of(ThreadProfile.of("MainThread", 1, false, tree())), secondsPerTick,
                Metadata.empty());
    }

    static CallTree tree() {
        CallTree.Builder b = new CallTree.Builder();
        int exec = node(b, -1, EXEC, 1, 10124);
        int module = node(b, exec, MODULE, 1, 10123);
        int work = node(b, module, WORK, 1, 10122);
        node(b, work, SORTED, 1, 4);
        int fact = work;
        long[] factTotals = {7, 4, 3, 2, 1};
        for (long total : factTotals) {
            fact = node(b, fact, FACT, 3, total); // calls=15/3, self-edge 12/3
        }
        node(b, work, APPEND, 3, 1);
        int parity = work;
        FunctionKey[] chain = {EVEN, ODD, EVEN, ODD, EVEN}; // even 3/1, odd 2/1
        long[] chainTotals = {5, 2, 1, 1, 0};
        for (int i = 0; i < chain.length; i++) {
            parity = node(b, parity, chain[i], 1, chainTotals[i]);
        }
        node(b, work, JOIN, 1, 3);
        node(b, work, SLEEP, 1, 10100);
        node(b, -1, DISABLE, 1, 8);
        return b.build();
    }

    private static int node(CallTree.Builder b, int parent, FunctionKey function, long count, long total) {
        int n = b.child(parent, FUNCTIONS.indexOf(function));
        b.add(n, count, total);
        return n;
    }
}
