package io.speedkit.pool;

import io.speedkit.pool.internal.Durations;
import io.speedkit.pool.internal.TaskGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

/**
 * asyncio's everyday helpers on virtual threads — plain blocking code, no {@code async}/{@code await}, and no
 * preview API ({@code StructuredTaskScope} is still a preview in JDK 25):
 *
 * <table>
 *   <caption>asyncio to speedkit</caption>
 *   <tr><th>asyncio</th><th>speedkit</th></tr>
 *   <tr><td>{@code await gather(a, b, c)}</td><td>{@link #gather(Callable[]) gather(a, b, c)}</td></tr>
 *   <tr><td>{@code await gather(a, b, return_exceptions=True)}</td><td>{@link #gatherOutcomes(Callable[]) gatherOutcomes(a, b)}</td></tr>
 *   <tr><td>{@code async with timeout(2): ...} / {@code wait_for(aw, 2)}</td><td>{@link #timeout(Duration, Callable) timeout(Duration.ofSeconds(2), () -> ...)}</td></tr>
 *   <tr><td>first of several to succeed (hedged requests)</td><td>{@link #firstSuccessful(Callable[]) firstSuccessful(a, b)}</td></tr>
 * </table>
 *
 * Each task runs on its own virtual thread; to cap how many run at once, use {@link Pool#io(int)}. Cancelling a
 * task means interrupting its thread. A caller interrupted while it waits cancels its tasks, sets its interrupt
 * flag again and throws {@link PoolInterruptedException}.
 */
public final class Async {
    private Async() {
    }

    /**
     * Runs the tasks concurrently and returns their results in argument order. The first failure cancels the
     * others (as a {@code TaskGroup} does; plain {@code gather} would let them run on), waits for them to end, and
     * throws a {@link TaskFailedException} naming the task's position, with its exception as the cause.
     */
    @SafeVarargs
    @SuppressWarnings("varargs")
    public static <T> List<T> gather(Callable<? extends T>... tasks) {
        return gather(Arrays.asList(tasks));
    }

    /** {@link #gather(Callable[])} over a list of tasks. */
    @SuppressWarnings("unchecked")
    public static <T> List<T> gather(List<? extends Callable<? extends T>> tasks) {
        TaskGroup group = startAll(tasks);
        try {
            for (int k = 0; k < group.size(); k++) {
                int i = group.next();
                if (group.error(i) != null) {
                    group.cancelAll();
                    group.joinAll();
                    throw TaskFailedException.forTask(i, 0, group.error(i));
                }
            }
        } catch (InterruptedException e) {
            throw interrupted("gather", group, e);
        }
        List<T> out = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) {
            out.add((T) group.result(i));
        }
        return out;
    }

    /**
     * Runs the tasks concurrently, lets every one finish, and returns each one's {@link Outcome} in argument
     * order: asyncio's {@code return_exceptions=True}.
     */
    @SafeVarargs
    @SuppressWarnings("varargs")
    public static <T> List<Outcome<T>> gatherOutcomes(Callable<? extends T>... tasks) {
        return gatherOutcomes(Arrays.asList(tasks));
    }

    /** {@link #gatherOutcomes(Callable[])} over a list of tasks. */
    @SuppressWarnings("unchecked")
    public static <T> List<Outcome<T>> gatherOutcomes(List<? extends Callable<? extends T>> tasks) {
        TaskGroup group = startAll(tasks);
        try {
            for (int k = 0; k < group.size(); k++) {
                group.next();
            }
        } catch (InterruptedException e) {
            throw interrupted("gatherOutcomes", group, e);
        }
        List<Outcome<T>> out = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) {
            Throwable error = group.error(i);
            out.add(error == null ? new Outcome.Ok<>(i, (T) group.result(i), 0) : new Outcome.Failed<>(i, error, 0));
        }
        return out;
    }

    /**
     * Runs {@code block} with a time limit ({@code asyncio.timeout}, {@code wait_for}): returns its value, or
     * throws what it threw, unchanged. If it runs longer than {@code limit}, it is interrupted, waited for, and a
     * {@link TimeoutException} ("timed out after 200 ms") is thrown. The block runs on a virtual thread of its
     * own, so an interrupt meant for it never lingers on the caller's thread.
     */
    @SuppressWarnings("unchecked")
    public static <T> T timeout(Duration limit, Callable<? extends T> block) throws Exception {
        Objects.requireNonNull(limit, "limit");
        TaskGroup group = startAll(List.of(Objects.requireNonNull(block, "block")));
        try {
            if (group.next(Math.max(0, Durations.saturatedNanos(limit))) < 0) {
                group.cancelAll();
                group.joinAll();
                throw TaskFailedException.timeout(limit);
            }
        } catch (InterruptedException e) {
            throw interrupted("timeout", group, e);
        }
        Throwable error = group.error(0);
        if (error == null) {
            return (T) group.result(0);
        }
        if (error instanceof Exception e) {
            throw e;
        }
        if (error instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(error);
    }

    /**
     * Hedging: runs the tasks concurrently and returns the first successful result; the others are cancelled
     * (interrupted) at once and not waited for — the point is the winner's latency. If every task fails, throws a
     * {@link TaskFailedException} with the first failure as cause and the others suppressed.
     */
    @SafeVarargs
    @SuppressWarnings("varargs")
    public static <T> T firstSuccessful(Callable<? extends T>... tasks) {
        return firstSuccessful(null, Arrays.asList(tasks));
    }

    /** {@link #firstSuccessful(Callable[])} over a list of tasks. */
    public static <T> T firstSuccessful(List<? extends Callable<? extends T>> tasks) {
        return firstSuccessful(null, tasks);
    }

    /**
     * Staggered hedging: starts the first task, and each further one only after {@code stagger} without a
     * success (or at once when the previous ones have all failed) — the backup request that cuts tail latency
     * without doubling the load. {@code stagger == null} starts them all at once.
     */
    @SuppressWarnings("unchecked")
    public static <T> T firstSuccessful(Duration stagger, List<? extends Callable<? extends T>> tasks) {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("firstSuccessful needs at least one task, got none");
        }
        if (stagger != null && stagger.isNegative()) {
            throw new IllegalArgumentException("stagger must not be negative, got " + stagger);
        }
        TaskGroup group = new TaskGroup(List.copyOf(tasks));
        int n = group.size();
        int started = 0;
        if (stagger == null) {
            for (; started < n; started++) {
                group.start(started);
            }
        } else {
            group.start(started++);
        }
        int failures = 0;
        int first = -1;
        try {
            for (;;) {
                int i = started < n ? group.next(Durations.saturatedNanos(stagger)) : group.next();
                if (i < 0) {
                    group.start(started++);
                    continue;
                }
                if (group.error(i) == null) {
                    group.cancelAll();
                    return (T) group.result(i);
                }
                failures++;
                if (first < 0) {
                    first = i;
                } else {
                    group.error(first).addSuppressed(group.error(i));
                }
                if (failures == n) {
                    throw TaskFailedException.allFailed(n, first, group.error(first));
                }
                if (failures == started && started < n) {
                    group.start(started++); // everyone running has failed: the next one need not wait
                }
            }
        } catch (InterruptedException e) {
            throw interrupted("firstSuccessful", group, e);
        }
    }

    private static TaskGroup startAll(List<? extends Callable<?>> tasks) {
        TaskGroup group = new TaskGroup(List.copyOf(tasks));
        for (int i = 0; i < group.size(); i++) {
            group.start(i);
        }
        return group;
    }

    private static PoolInterruptedException interrupted(String what, TaskGroup group, InterruptedException e) {
        group.cancelAll();
        group.joinAll();
        Thread.currentThread().interrupt();
        return new PoolInterruptedException(what + " was interrupted while waiting; its tasks were cancelled and the"
                + " thread's interrupt flag is set again", e);
    }
}
