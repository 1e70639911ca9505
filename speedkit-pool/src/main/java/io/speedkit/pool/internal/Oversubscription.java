package io.speedkit.pool.internal;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The seed's rule — no more CPU-bound workers than cores — told once per logger, not once per pool: a program
 * that makes a pool per request must not flood its log.
 */
public final class Oversubscription {
    /** The logger {@code Pool.cpu} warns through unless told otherwise. */
    public static final System.Logger LOGGER = System.getLogger("io.speedkit.pool");
    private static final Set<System.Logger> WARNED = ConcurrentHashMap.newKeySet();

    private Oversubscription() {
    }

    /** Logs a warning through {@code logger} if {@code workers > cores} and it has not warned before. */
    public static boolean check(System.Logger logger, int workers, int cores) {
        if (workers <= cores || !WARNED.add(logger)) {
            return false;
        }
        logger.log(System.Logger.Level.WARNING, String.format(Locale.ROOT,
                "Pool.cpu(%d) on %d cores: more CPU-bound workers than cores only adds switching; use Pool.cpu() for"
                        + " one per core, or Pool.io(n) for tasks that mostly wait (warned once)", workers, cores));
        return true;
    }
}
