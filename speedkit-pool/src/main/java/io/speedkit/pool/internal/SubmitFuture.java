package io.speedkit.pool.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link Future} of {@code pool.submit(task)}: the task travels as a one-item chunk, so it runs with the
 * backend's timeouts and retries and can run on a remote backend too. {@link #get()} throws an
 * {@link ExecutionException} whose cause is what the task threw (a {@link TimeoutException} if it timed out).
 */
final class SubmitFuture<R> implements Future<R>, ChunkOwner {
    private final Engine engine;
    private final CompletableFuture<R> result = new CompletableFuture<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    JobChunk chunk;

    SubmitFuture(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void chunkDone(JobChunk c, long runNanos) {
        if (!c.cancelled && c.ran == 1) {
            if (c.slots[0] instanceof Failure f) {
                result.completeExceptionally(f.error);
            } else {
                result.complete((R) c.slots[0]);
            }
        } else {
            result.cancel(false);
        }
        end();
    }

    @Override
    public void chunkFailed(JobChunk c, Throwable error) {
        result.completeExceptionally(error);
        end();
    }

    private void end() {
        if (ended.compareAndSet(false, true)) {
            engine.submitDone(this);
        }
    }

    /** The first half of a cancel, for {@code terminate()}: see {@link Job#halt(String)}. */
    Runnable halt() {
        if (!result.cancel(false)) {
            return null;
        }
        chunk.cancelled = true;
        return () -> {
            chunk.interrupt();
            end();
        };
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = result.cancel(false);
        if (cancelled) {
            if (mayInterruptIfRunning) {
                chunk.cancel();
            } else {
                chunk.cancelled = true;
            }
            end();
        }
        return cancelled;
    }

    @Override
    public boolean isCancelled() {
        return result.isCancelled();
    }

    @Override
    public boolean isDone() {
        return result.isDone();
    }

    @Override
    public R get() throws InterruptedException, ExecutionException {
        return result.get();
    }

    @Override
    public R get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        return result.get(timeout, unit);
    }

    @Override
    public String toString() {
        return "SubmitFuture[" + result + "]";
    }
}
