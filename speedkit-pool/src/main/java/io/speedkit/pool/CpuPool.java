package io.speedkit.pool;

import io.speedkit.pool.internal.Engine;
import io.speedkit.pool.internal.Oversubscription;
import io.speedkit.pool.internal.TaskPolicy;
import io.speedkit.pool.internal.ThreadBackend;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.function.LongSupplier;

/**
 * {@link Pool#cpu()}: platform threads for CPU-bound work, one per core by default. Items run plainly — no
 * timeout, no retry, nothing between the function and the item but the chunk loop.
 */
public final class CpuPool implements Pool {
    final Engine engine;

    private CpuPool(Engine engine) {
        this.engine = engine;
    }

    /** A builder with one worker per core, daemon threads, {@code System.nanoTime}. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return engine.toString();
    }

    /** Settings for a {@link CpuPool}; {@code Pool.cpu(n)} is {@code builder().workers(n).build()}. */
    public static final class Builder {
        private final int cores = Runtime.getRuntime().availableProcessors();
        private int workers = cores;
        private ThreadFactory threadFactory;
        private System.Logger logger = Oversubscription.LOGGER;
        private LongSupplier ticker = System::nanoTime;

        private Builder() {
        }

        /** How many platform threads (≥ 1); more than the cores is allowed and warned about once. */
        public Builder workers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be >= 1, got " + workers + "; Pool.cpu() uses one per"
                        + " core (" + cores + " here)");
            }
            this.workers = workers;
            return this;
        }

        /** Where the worker threads come from (default: daemon threads named {@code speedkit-cpu-P-N}). */
        public Builder threadFactory(ThreadFactory threadFactory) {
            this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
            return this;
        }

        /** Where the too-many-workers warning goes (default: {@code System.getLogger("io.speedkit.pool")}). */
        public Builder logger(System.Logger logger) {
            this.logger = Objects.requireNonNull(logger, "logger");
            return this;
        }

        /** The nanosecond clock that times chunks for automatic chunk sizing (default {@code System::nanoTime}). */
        public Builder ticker(LongSupplier ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        public CpuPool build() {
            Oversubscription.check(logger, workers, cores);
            return new CpuPool(new Engine("Pool.cpu(" + workers + ")", new ThreadBackend(workers, threadFactory),
                    TaskPolicy.PLAIN, ticker));
        }
    }
}
