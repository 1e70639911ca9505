package io.speedkit.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.speedkit.profiler.data.CallTree;
import io.speedkit.profiler.data.Metadata;
import io.speedkit.profiler.data.ThreadProfile;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Target: {@code targets/Exceptions.java}. Every tree must end with depth back at 0 and no frame left open. */
class ExceptionsTest {
    private final InstrumentingLoader loader = new InstrumentingLoader();

    @Test
    void exception_caughtTwoFramesUp_closesTheFramesBetween() throws Throwable {
        Recording r = Recording.of(() -> loader.call("Exceptions", "acrossFrames"));

        assertEquals(1, r.result());
        assertEquals("""
                Exceptions.acrossFrames count=1 total=7
                  Exceptions.middle count=1 total=3
                    Exceptions.thrower count=1 total=2
                      {method java.lang.IllegalStateException.new} count=1 total=0
                  Exceptions.after count=1 total=4
                """, r.tree());
        assertEquals(0, r.metadataLong(Metadata.OPEN_FRAMES));
    }

    @Test
    void catchAll_ownHandlerInCallee_stillCatches() throws Throwable {
        Recording r = Recording.of(() -> loader.call("Exceptions", "ownCatch"));

        assertEquals(1, r.result());
        assertEquals("""
                Exceptions.ownCatch count=1 total=6
                  Exceptions.thrower count=1 total=2
                    {method java.lang.IllegalStateException.new} count=1 total=0
                  Exceptions.after count=1 total=4
                """, r.tree());
    }

    @Test
    void catchAll_throwAndCatchInOneMethod_stillCatches() throws Throwable {
        Recording r = Recording.of(() -> loader.call("Exceptions", "selfCatch", 1));

        assertEquals(1, r.result());
        assertEquals("""
                Exceptions.selfCatch count=1 total=0
                  {method java.lang.IllegalArgumentException.new} count=1 total=0
                """, r.tree());
    }

    @Test
    void finally_normalAndExceptionalExit_runsCleanupBothTimes() throws Throwable {
        Recording r = Recording.of(() -> loader.call("Exceptions", "finallyBothWays"));

        assertEquals(15, r.result());
        assertEquals("""
                Exceptions.finallyBothWays count=1 total=18
                  Exceptions.withFinally count=2 total=18
                    Exceptions.cleanup count=2 total=16
                    Exceptions.thrower count=1 total=2
                      {method java.lang.IllegalStateException.new} count=1 total=0
                """, r.tree());
    }

    @Test
    void jdkCall_throwsAndIsCaughtInSameMethod_nextCallIsASibling() throws Throwable {
        Recording r = Recording.of(() -> loader.call("Exceptions", "parseOrDefault"));

        assertEquals(-1, r.result());
        // Without repair at the handler, after() would be recorded under parseInt's open pseudo-frame.
        assertEquals("""
                Exceptions.parseOrDefault count=1 total=4
                  {built-in method java.lang.Integer.parseInt} count=1 total=0
                  Exceptions.after count=1 total=4
                """, r.tree());
        assertEquals(0, r.metadataLong(Metadata.OPEN_FRAMES));
    }

    @Test
    void comparator_throwsInsideListSort_callerCatches() throws Throwable {
        Recording r = Recording.of(() -> loader.call("Exceptions", "listSortWithThrowingComparator"));

        assertEquals(1, r.result());
        assertEquals("""
                Exceptions.listSortWithThrowingComparator count=1 total=4
                  {method java.util.ArrayList.new} count=1 total=0
                  {method java.util.List.add} count=2 total=0
                  {method java.util.List.sort} count=1 total=0
                    Exceptions.listSortWithThrowingComparator.lambda$0 count=1 total=0
                      {method java.lang.IllegalStateException.new} count=1 total=0
                  Exceptions.after count=1 total=4
                """, r.tree());
    }

    @Test
    void comparator_throwsInsideArraysSort_callerCatches() throws Throwable {
        Recording r = Recording.of(() -> loader.call("Exceptions", "arraysSortWithThrowingComparator"));

        assertEquals(1, r.result());
        assertEquals("""
                Exceptions.arraysSortWithThrowingComparator count=1 total=4
                  {built-in method java.util.Arrays.sort} count=1 total=0
                    Exceptions.arraysSortWithThrowingComparator.lambda$0 count=1 total=0
                      {method java.lang.IllegalStateException.new} count=1 total=0
                  Exceptions.after count=1 total=4
                """, r.tree());
    }

    @Test
    void synchronizedBlock_leftByException_monitorReleasedAndTreeClosed() throws Throwable {
        Recording r = Recording.of(() -> loader.call("Exceptions", "monitorLeftByException"));

        assertEquals(1, r.result());
        assertEquals("""
                Exceptions.monitorLeftByException count=1 total=2
                  Exceptions.thrower count=1 total=2
                    {method java.lang.IllegalStateException.new} count=1 total=0
                  {built-in method java.lang.Thread.holdsLock} count=1 total=0
                """, r.tree());
    }

    @Test
    void stackOverflow_caughtAtTop_treeStaysConsistent() throws Throwable {
        loader.load("Exceptions");
        AtomicReference<Object> reached = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Recording r = Recording.of(() -> {
            // A small stack keeps the recursion short; the thread's tree is recorded like any other.
            Thread t = new Thread(null, () -> {
                try {
                    reached.set(loader.call("Exceptions", "overflow"));
                    loader.call("Exceptions", "after"); // back at depth 0: a root, not a child of anything
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "speedkit-overflow", 512 * 1024);
            t.start();
            t.join();
            return null;
        });
        if (failure.get() != null) {
            throw failure.get();
        }

        int depth = (Integer) reached.get();
        assertTrue(depth > 100, "recursion depth " + depth);
        ThreadProfile t = r.thread("speedkit-overflow");
        CallTree tree = t.tree();
        // Roots: overflow and after. Under overflow: the chain of deep frames, then after (a sibling, not a
        // child of the deepest deep frame: repair in overflow's handler closed every frame above it).
        assertEquals("Exceptions.overflow", r.name(tree.function(0)));
        assertEquals(1, tree.count(0));
        assertEquals(4, tree.total(0));
        int afterUnderOverflow = -1;
        int afterAtRoot = -1;
        for (int i = 0; i < tree.size(); i++) {
            if (r.name(tree.function(i)).equals("Exceptions.after")) {
                if (tree.parent(i) == 0) {
                    afterUnderOverflow = i;
                } else if (tree.parent(i) == -1) {
                    afterAtRoot = i;
                }
            }
        }
        assertTrue(afterUnderOverflow > 0, "after() must be a child of overflow()");
        assertTrue(afterAtRoot > 0, "after() called at depth 0 must be a root");
        assertEquals(1, tree.count(afterUnderOverflow));
        assertEquals(4, tree.total(afterUnderOverflow));
        assertEquals(1, tree.count(afterAtRoot));
        // Every deep frame was closed exactly once. Where the StackOverflowError strikes is the JVM's choice
        // (interpreted, compiled with deep() inlined into itself, or while deoptimising): a frame may have been
        // entered without its body reaching depth++, and counts as a call that raised at once, as cProfile
        // counts one. Seen: none or one such frame in most runs, two in about one run of the module's
        // suite in ten. Never fewer calls than bodies run, and never more than those two.
        long deepCalls = r.calls(t, "Exceptions.deep");
        assertTrue(deepCalls >= depth && deepCalls <= depth + 2, "deep() closed " + deepCalls + " times, ran " + depth);
        for (int i = 0; i < tree.size(); i++) {
            if (r.name(tree.function(i)).equals("Exceptions.deep")) {
                assertEquals(1, tree.count(i), "deep node " + i);
            }
        }
        assertEquals(3 + deepCalls, tree.size()); // overflow, after twice, and one node per deep frame
        assertEquals(0, r.metadataLong(Metadata.OPEN_FRAMES));
    }
}
