package io.speedkit.pool.internal;

import io.speedkit.pool.Fn;
import io.speedkit.pool.Outcome;
import java.util.ArrayList;
import java.util.List;

/** The item loop for a chunk that travelled to another JVM; see {@link io.speedkit.pool.Chunk#run}. */
public final class ChunkRunner {
    private ChunkRunner() {
    }

    /** Runs each item, turning exceptions into {@link Outcome.Failed}; fail-fast stops after the first failure. */
    public static List<Outcome<Object>> run(Fn<Object, Object> fn, List<?> items, long firstIndex, boolean failFast) {
        List<Outcome<Object>> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            try {
                out.add(new Outcome.Ok<>(firstIndex + i, fn.apply(items.get(i)), 0));
            } catch (Throwable t) {
                out.add(new Outcome.Failed<>(firstIndex + i, t, 0));
                if (failFast) {
                    break;
                }
            }
        }
        return out;
    }
}
