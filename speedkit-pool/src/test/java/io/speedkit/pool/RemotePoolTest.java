package io.speedkit.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The extension point's own duties: what a remote backend may do wrong, and how the map reports it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RemotePoolTest {

    /** A "remote" pool that answers every chunk with what {@code answer} makes of it. */
    private static final class ScriptedRemotePool extends RemotePool {
        private final java.util.function.Consumer<Chunk> answer;

        ScriptedRemotePool(java.util.function.Consumer<Chunk> answer) {
            super("Scripted(2)", 2);
            this.answer = answer;
        }

        @Override
        protected void dispatch(Chunk chunk) {
            Thread.ofVirtual().start(() -> answer.accept(chunk));
        }

        @Override
        protected long dispatchCostNanos() {
            return 0;
        }

        @Override
        protected void shutdown() {
        }

        @Override
        protected void shutdownNow() {
        }

        @Override
        protected boolean awaitTermination(long nanos) {
            return true;
        }
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void aNonSerializableFunction_failsTheMapWithAClearMessage() {
        Object notSerializable = new Object();
        try (Pool pool = new InProcessRemotePool(2)) {
            CompletionException e = assertThrows(CompletionException.class,
                    () -> pool.map(x -> x + notSerializable.hashCode(), range(3)));
            assertTrue(e.getMessage().startsWith("the pool could not send items 0..0 to a worker: "
                    + "java.lang.IllegalArgumentException: not serializable: java.lang.Object"), e.getMessage());
        }
    }

    @Test
    void aChunkTheBackendCannotRun_failsTheMap() {
        try (Pool pool = new ScriptedRemotePool(c -> c.fail(new IllegalStateException("every worker is gone")))) {
            CompletionException e = assertThrows(CompletionException.class, () -> pool.map(x -> x, range(5)));
            assertEquals("the pool could not run items 0..0: java.lang.IllegalStateException: every worker is gone",
                    e.getMessage());
            assertInstanceOf(IllegalStateException.class, e.getCause());
        }
    }

    @Test
    void outcomesThatDoNotMatchTheChunk_areRejected() {
        try (Pool pool = new ScriptedRemotePool(c -> c.complete(List.of(new Outcome.Ok<>(c.firstIndex() + 1, 0, 0)), -1))) {
            CompletionException e = assertThrows(CompletionException.class, () -> pool.map(x -> x, range(5)));
            assertTrue(e.getMessage().contains("was expected"), e.getMessage());
        }
        try (Pool pool = new ScriptedRemotePool(c -> c.complete(List.of(), -1))) {
            CompletionException e = assertThrows(CompletionException.class, () -> pool.map(x -> x, range(5)));
            assertTrue(e.getMessage().contains("only a fail-fast chunk may stop early"), e.getMessage());
        }
    }

    @Test
    void aRemoteRunThatStopsAtTheFirstFailure_failsFastWithTheItem() {
        try (Pool pool = new ScriptedRemotePool(c -> c.complete(Chunk.run(c.function(), c.items(), c.firstIndex(),
                c.failFast()), 1000))) {
            TaskFailedException e = assertThrows(TaskFailedException.class, () -> pool.map(x -> 10 / (x - 7), range(20)));
            assertEquals(7, e.index());
            assertEquals("item 7 (value 7) failed: java.lang.ArithmeticException: / by zero", e.getMessage());
            List<Outcome<Integer>> all = pool.mapOutcomes(x -> 10 / (x - 7), range(20));
            assertEquals(20, all.size());
            assertEquals(1, all.stream().filter(o -> !o.isOk()).count());
        }
    }

    @Test
    void submit_travelsAsAOneItemChunk() throws Exception {
        try (Pool pool = new InProcessRemotePool(1)) {
            assertEquals("remote", pool.submit(() -> "remote").get(10, TimeUnit.SECONDS));
            assertEquals(1, pool.workers());
        }
    }
}
