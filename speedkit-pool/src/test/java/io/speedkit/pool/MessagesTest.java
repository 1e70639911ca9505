package io.speedkit.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.speedkit.pool.internal.ValueText;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every value is validated with a message that names it; every failure names its item safely, on one line. */
class MessagesTest {

    @Test
    void valueText_isReprLikeAndSafe() {
        assertEquals("'abc'", ValueText.of("abc"));
        assertEquals("'it\\'s\\n2 lines'", ValueText.of("it's\n2 lines"));
        assertEquals("42", ValueText.of(42));
        assertEquals("null", ValueText.of(null));
        assertEquals("[1, 2, 3]", ValueText.of(new int[] {1, 2, 3}));
        assertEquals("[[a], [b]]", ValueText.of(new String[][] {{"a"}, {"b"}}));
        assertEquals("('x', 2)", ValueText.of(Args.of("x", 2)));
        String longText = "x".repeat(500);
        assertEquals("'" + "x".repeat(79) + "…(502 chars)", ValueText.of(longText));
        Object nasty = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };
        assertEquals("<" + nasty.getClass().getName() + ": toString() threw java.lang.IllegalStateException>",
                ValueText.of(nasty));
        Object multiLine = new Object() {
            @Override
            public String toString() {
                return "a\nb";
            }
        };
        assertEquals("a b", ValueText.of(multiLine));
    }

    @Test
    void taskFailedException_messages() {
        assertEquals("item 3 (value 'x') failed: java.io.IOException: disk\nfull".replace("\n", " "),
                TaskFailedException.forItem(3, "x", 0, new IOException("disk\nfull")).getMessage());
        assertEquals("item 3 (value (1, 2)) failed after 1 retry: java.lang.ArithmeticException",
                TaskFailedException.forItem(3, Args.of(1, 2), 1, new ArithmeticException()).getMessage());
        assertEquals("item 9 (value 9) timed out after 1.50 s (2 retries)",
                TaskFailedException.forItem(9, 9, 2, TaskFailedException.timeout(Duration.ofMillis(1500))).getMessage());
        assertEquals("task 0 failed: java.lang.Error: e", TaskFailedException.forTask(0, 0, new Error("e")).getMessage());
    }

    @Test
    void outcome_validatesItsValues() {
        assertEquals("index must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> new Outcome.Ok<>(-1, "v", 0)).getMessage());
        assertEquals("retries must be >= 0, got -2",
                assertThrows(IllegalArgumentException.class, () -> new Outcome.Failed<>(0, new Error(), -2)).getMessage());
        assertThrows(NullPointerException.class, () -> new Outcome.Failed<>(0, null, 0));
        assertEquals(true, new Outcome.Ok<>(0, null, 0).isOk());
        assertEquals(false, new Outcome.TimedOut<>(0, Duration.ofSeconds(1), 0).isOk());
    }

    @Test
    void mapOptions_validatesItsValues() {
        assertEquals("chunksize must be >= 1, or 0 for automatic, got -1",
                assertThrows(IllegalArgumentException.class, () -> MapOptions.defaults().withChunksize(-1)).getMessage());
        assertEquals("buffer must be >= 1, or 0 for the default, got -5",
                assertThrows(IllegalArgumentException.class, () -> MapOptions.defaults().withBuffer(-5)).getMessage());
        assertEquals("chunksize 100 is larger than buffer 10; a chunk must fit in the buffer: raise buffer or lower"
                        + " chunksize",
                assertThrows(IllegalArgumentException.class,
                        () -> MapOptions.defaults().withBuffer(10).withChunksize(100)).getMessage());
        assertEquals("total must be >= 0, or -1 for unknown, got -3",
                assertThrows(IllegalArgumentException.class, () -> MapOptions.defaults().withTotal(-3)).getMessage());
        MapOptions o = MapOptions.defaults().withChunksize(4).withBuffer(64).withTotal(10);
        assertEquals(new MapOptions(4, 64, 10, ProgressListener.NONE), o);
    }

    @Test
    void largeExplicitChunks_raiseTheDefaultBuffer() {
        try (Pool pool = Pool.cpu(2)) {
            List<Integer> items = java.util.stream.IntStream.range(0, 100_000).boxed().toList();
            assertEquals(items, pool.map(x -> x, items, MapOptions.defaults().withChunksize(20_000)));
        }
    }

    @Test
    void results_iterateOnce() {
        try (Pool pool = Pool.cpu(1); Results<Integer> r = pool.imap(x -> x, List.of(1, 2))) {
            r.iterator();
            IllegalStateException e = assertThrows(IllegalStateException.class, r::iterator);
            assertEquals("these results were already iterated: iterator() may be called once; keep the iterator, or"
                    + " collect the results with toList()", e.getMessage());
        }
    }

    @Test
    void results_stream() {
        try (Pool pool = Pool.io(3); Results<Integer> r = pool.imap(x -> x * 10, List.of(1, 2, 3))) {
            assertEquals(List.of(10, 20, 30), r.stream().toList());
        }
    }
}
