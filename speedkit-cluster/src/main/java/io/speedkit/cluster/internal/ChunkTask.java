package io.speedkit.cluster.internal;

import io.speedkit.pool.Chunk;
import io.speedkit.pool.Fn;
import io.speedkit.pool.Outcome;
import java.io.Serial;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A chunk on its way to a member: the function and the items as bytes (serialized by {@link Codec} in the
 * caller's JVM), run on the member with {@link Chunk#run}, the outcomes coming back as bytes. Hazelcast only
 * moves this small envelope; it never needs the application's classes.
 */
public final class ChunkTask implements Callable<ChunkTask.Result>, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final byte[] function;
    private final byte[] items;
    private final long firstIndex;
    private final boolean failFast;

    public ChunkTask(byte[] function, byte[] items, long firstIndex, boolean failFast) {
        this.function = function;
        this.items = items;
        this.firstIndex = firstIndex;
        this.failFast = failFast;
    }

    /** What comes back: the outcomes (serialized), how long they took, and who ran them. */
    public record Result(byte[] outcomes, long computeNanos, long pid) implements Serializable {
    }

    @Override
    @SuppressWarnings("unchecked")
    public Result call() throws Exception {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ClassLoader.getSystemClassLoader();
        }
        Fn<Object, Object> fn;
        List<Object> values;
        try {
            fn = (Fn<Object, Object>) Codec.deserialize(function, loader);
            values = (List<Object>) Codec.deserialize(items, loader);
        } catch (ClassNotFoundException e) {
            throw new ClassNotFoundException("class " + e.getMessage() + " is not on the class path of the member at "
                    + ManagementFactory.getRuntimeMXBean().getName() + ": put the application's classes on every"
                    + " member's class path", e);
        }
        long t0 = System.nanoTime();
        List<Outcome<Object>> outcomes = Chunk.run(fn, values, firstIndex, failFast);
        long took = System.nanoTime() - t0;
        return new Result(encode(outcomes), took, ProcessHandle.current().pid());
    }

    /**
     * The outcomes as bytes. A result that cannot be serialized, or an exception that cannot, becomes a failed
     * outcome of that item carrying a {@link RemoteException} with the original's class, message and stack
     * trace: the item is reported, not the whole chunk lost.
     */
    static byte[] encode(List<Outcome<Object>> outcomes) {
        try {
            return Codec.serialize(new ArrayList<>(outcomes));
        } catch (Codec.NotSendableException whole) {
            List<Outcome<Object>> safe = new ArrayList<>(outcomes.size());
            for (Outcome<Object> o : outcomes) {
                try {
                    Codec.serialize(o);
                    safe.add(o);
                } catch (Codec.NotSendableException e) {
                    safe.add(replace(o, e));
                }
            }
            return Codec.serialize(safe);
        }
    }

    private static Outcome<Object> replace(Outcome<Object> o, Codec.NotSendableException e) {
        Throwable error = switch (o) {
            case Outcome.Failed<Object> f -> RemoteException.copyOf(f.error());
            case Outcome.Ok<Object> ok -> new RemoteException("the result, a " + ok.value().getClass().getName()
                    + ", cannot be sent back: " + e.className() + " is not Serializable; return a Serializable value",
                    null);
            case Outcome.TimedOut<Object> t -> new RemoteException("timed out after " + t.timeout(), null);
        };
        return new Outcome.Failed<>(o.index(), error, o.retries());
    }

    /** An exception from another JVM that could not travel as itself: its class name, message and stack trace. */
    public static final class RemoteException extends RuntimeException {
        @Serial
        private static final long serialVersionUID = 1L;

        RemoteException(String message, Throwable cause) {
            super(message, cause);
        }

        static RemoteException copyOf(Throwable t) {
            RemoteException r = new RemoteException(t.getClass().getName() + (t.getMessage() == null ? ""
                    : ": " + t.getMessage()), null);
            r.setStackTrace(t.getStackTrace());
            return r;
        }
    }
}
