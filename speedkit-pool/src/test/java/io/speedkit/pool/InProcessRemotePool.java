package io.speedkit.pool;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A {@link RemotePool} whose "remote" workers are threads of this JVM, but whose chunks travel as bytes: the
 * function and the items are serialized on the way out and the outcomes on the way back, as they would be
 * between JVMs. It shows the extension point in twenty lines and proves the contract suite's tasks serialize.
 */
final class InProcessRemotePool extends RemotePool {
    private final ExecutorService workers;

    InProcessRemotePool(int workers) {
        super("InProcessRemotePool(" + workers + ")", workers);
        this.workers = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "in-process-remote");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    protected void dispatch(Chunk chunk) {
        byte[] fn = serialize(chunk.function());
        byte[] items = serialize(new ArrayList<>(chunk.items()));
        long first = chunk.firstIndex();
        boolean failFast = chunk.failFast();
        Future<?> f = workers.submit(() -> {
            Fn<Object, Object> remoteFn = deserialize(fn);
            List<Object> remoteItems = deserialize(items);
            long t0 = System.nanoTime();
            List<Outcome<Object>> outcomes = Chunk.run(remoteFn, remoteItems, first, failFast);
            long took = System.nanoTime() - t0;
            List<Outcome<?>> back = deserialize(serialize(new ArrayList<>(outcomes)));
            chunk.complete(back, took);
        });
        chunk.attach(f);
    }

    @Override
    protected void shutdown() {
        workers.shutdown();
    }

    @Override
    protected void shutdownNow() {
        workers.shutdownNow();
    }

    @Override
    protected boolean awaitTermination(long nanos) throws InterruptedException {
        return workers.awaitTermination(nanos, TimeUnit.NANOSECONDS);
    }

    static byte[] serialize(Object o) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("not serializable: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    static <T> T deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (T) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
