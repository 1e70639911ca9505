package io.speedkit.timeit;

import java.util.function.LongSupplier;

/** A fake nanosecond clock that moves only when told to: the statement under test advances it. */
final class TickClock implements LongSupplier {
    private long now = 1_000_000_000L;

    @Override
    public long getAsLong() {
        return now;
    }

    void advance(long nanos) {
        now += nanos;
    }
}
