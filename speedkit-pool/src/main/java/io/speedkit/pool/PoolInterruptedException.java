package io.speedkit.pool;

import java.util.concurrent.CancellationException;

/**
 * The thread waiting in {@code map}, an {@code imap} iterator, {@code join} or an {@link Async} helper was
 * interrupted. Before this is thrown, the work that call started has been cancelled (running items interrupted,
 * queued ones dropped) and the thread's interrupt flag has been set again, so code further up still sees the
 * interrupt. The cause is the {@link InterruptedException}.
 *
 * <p>It is a {@link CancellationException}, the same type a call gets when {@link Pool#terminate()} cancels its
 * work, so one {@code catch (CancellationException e)} handles both.
 */
public final class PoolInterruptedException extends CancellationException {
    private static final long serialVersionUID = 1L;

    /** {@code message} says which call was interrupted and what was done about it. */
    public PoolInterruptedException(String message, InterruptedException cause) {
        super(message);
        initCause(cause);
    }
}
