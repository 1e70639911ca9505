package io.speedkit.cluster;

import io.speedkit.pool.Pool;
import io.speedkit.pool.contract.PoolContract;
import io.speedkit.pool.contract.Tally;

/** The Pool contract against two worker JVMs: the same tests the thread pools pass. */
class ProcessesContractTest extends PoolContract {
    @Override
    protected Pool newPool() {
        return ProcessPool.start(2);
    }

    /** Tasks run in the workers: they count in a file, which every JVM here can reach. */
    @Override
    protected Tally newTally() {
        return FileTally.fresh();
    }
}
