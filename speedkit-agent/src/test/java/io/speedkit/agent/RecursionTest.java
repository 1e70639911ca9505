package io.speedkit.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.speedkit.profiler.data.CallTree;
import io.speedkit.profiler.data.ThreadProfile;
import org.junit.jupiter.api.Test;

/** Target: {@code targets/Recursion.java}. */
class RecursionTest {
    private final InstrumentingLoader loader = new InstrumentingLoader();

    @Test
    void recursion_fromTwoCallers_keepsOnePathPerCaller() throws Throwable {
        Recording r = Recording.of(() -> loader.call("Recursion", "twoCallers"));

        assertEquals(5, r.result());
        // down(3) advances 1 tick in each of its 4 frames, down(2) in each of 3.
        assertEquals("""
                Recursion.twoCallers count=1 total=7
                  Recursion.viaA count=1 total=4
                    Recursion.down count=1 total=4
                      Recursion.down count=1 total=3
                        Recursion.down count=1 total=2
                          Recursion.down count=1 total=1
                  Recursion.viaB count=1 total=3
                    Recursion.down count=1 total=3
                      Recursion.down count=1 total=2
                        Recursion.down count=1 total=1
                """, r.tree());
        ThreadProfile t = r.thread(Thread.currentThread().getName());
        assertEquals(7, r.calls(t, "Recursion.down"));
        assertEquals(2, r.primitiveCalls(t, "Recursion.down"));
    }

    @Test
    void recursion_mutual_alternatesEvenAndOdd() throws Throwable {
        Recording r = Recording.of(() -> loader.call("Recursion", "isEven", 4));

        assertEquals(true, r.result());
        assertEquals("""
                Recursion.isEven count=1 total=5
                  Recursion.isOdd count=1 total=4
                    Recursion.isEven count=1 total=3
                      Recursion.isOdd count=1 total=2
                        Recursion.isEven count=1 total=1
                """, r.tree());
        ThreadProfile t = r.thread(Thread.currentThread().getName());
        assertEquals(3, r.calls(t, "Recursion.isEven"));
        assertEquals(1, r.primitiveCalls(t, "Recursion.isEven"));
        assertEquals(2, r.calls(t, "Recursion.isOdd"));
        assertEquals(1, r.primitiveCalls(t, "Recursion.isOdd"));
    }

    @Test
    void fib_25_countsEveryCallOnce() throws Throwable {
        Recording r = Recording.of(() -> loader.call("Recursion", "fib", 25));

        assertEquals(75025, r.result());
        ThreadProfile t = r.thread(Thread.currentThread().getName());
        // calls(n) = 2 * fib(n + 1) - 1 = 2 * 121393 - 1
        assertEquals(242785, r.calls(t, "Recursion.fib"));
        assertEquals(1, r.primitiveCalls(t, "Recursion.fib"));
        CallTree tree = t.tree();
        // One node per depth: fib(25) .. fib(1) is the deepest path, 25 frames.
        assertEquals(25, tree.size());
        assertEquals(1, tree.count(0));
        assertEquals(2, tree.count(1));
        assertEquals(4, tree.count(2));
        assertEquals(242785, tree.total(0)); // one tick per call, all inside the root
        for (int i = 1; i < tree.size(); i++) {
            assertEquals(i - 1, tree.parent(i));
        }
    }
}
