package io.speedkit.agent.targets;

import io.speedkit.agent.Ticks;
import java.util.function.LongSupplier;

/** A user clock that is itself instrumented program code: the probe must not record its calls. */
public final class CountingClock implements LongSupplier {
    @Override
    public long getAsLong() {                       // calls=0 in any profile
        return read();
    }

    static long read() {                            // calls=0 in any profile
        return Ticks.now();
    }
}
