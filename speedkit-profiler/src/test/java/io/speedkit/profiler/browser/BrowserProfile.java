package io.speedkit.profiler.browser;

import io.speedkit.profiler.Stats;
import io.speedkit.profiler.Unit;
import io.speedkit.profiler.data.CallTree;
import io.speedkit.profiler.data.FunctionKey;
import io.speedkit.profiler.data.Metadata;
import io.speedkit.profiler.data.ProfileData;
import io.speedkit.profiler.data.ThreadProfile;

import java.util.List;

/**
 * A small profile for browser sessions, at one millisecond per tick so that cProfile's three decimals
 * of seconds show every number. Two {@code Util.pad} live in different directories, so {@code strip}
 * merges them.
 *
 * <pre>
 * Main.main 100 > Fib.fib 60 > Fib.fib×2 50 > Fib.fib×4 30          // fib calls=7/1
 *               > a/Util.pad×2 10 > String.repeat×2 4
 *               > b/Util.pad×3 20 > String.repeat×3 6
 * </pre>
 *
 * Rows: main 1 call, tottime 0.010, cumtime 0.100; fib 7/1, 0.060, 0.060; a/pad 2, 0.006, 0.010;
 * b/pad 3, 0.014, 0.020; repeat 5, 0.010, 0.010. 18 calls (12 primitive) in 0.100 seconds.
 */
final class BrowserProfile {

    static final FunctionKey MAIN = new FunctionKey("app/Main.java", 10, "Main.main");
    static final FunctionKey FIB = new FunctionKey("app/Fib.java", 3, "Fib.fib");
    static final FunctionKey PAD_A = new FunctionKey("lib/a/Util.java", 5, "Util.pad");
    static final FunctionKey PAD_B = new FunctionKey("lib/b/Util.java", 5, "Util.pad");
    static final FunctionKey REPEAT = FunctionKey.builtin("method java.lang.String.repeat");

    static final List<FunctionKey> FUNCTIONS = List.of(MAIN, FIB, PAD_A, PAD_B, REPEAT);

    /** The title line our fake loader gives the file, as pstats prints {@code ctime(mtime) + "    " + name}. */
    static String title(String name) {
        return "Thu Nov 26 07:15:04 2026    " + name;
    }

    private BrowserProfile() {
    }

    static ProfileData data() {
        CallTree.Builder b = new CallTree.Builder();
        int main = node(b, -1, MAIN, 1, 100);
        int fib = node(b, main, FIB, 1, 60);
        fib = node(b, fib, FIB, 2, 50);
        node(b, fib, FIB, 4, 30);
        int padA = node(b, main, PAD_A, 2, 10);
        node(b, padA, REPEAT, 2, 4);
        int padB = node(b, main, PAD_B, 3, 20);
        node(b, padB, REPEAT, 3, 6);
        return new ProfileData(FUNCTIONS, List.of(ThreadProfile.of("main", 1, false, b.build())), 1e-3, Metadata.empty());
    }

    /** The statistics a loader hands the browser for {@code name}: in seconds, titled as pstats titles a file. */
    static Stats stats(String name) {
        return Stats.of(data()).withUnit(Unit.SECONDS).withFileLines(List.of(title(name)));
    }

    private static int node(CallTree.Builder b, int parent, FunctionKey function, long count, long total) {
        int n = b.child(parent, FUNCTIONS.indexOf(function));
        b.add(n, count, total);
        return n;
    }
}
