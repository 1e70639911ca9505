package io.speedkit.pool;

import io.speedkit.pool.contract.PoolContract;

/** The Pool contract against an io pool of at most eight virtual threads. */
class Io8ContractTest extends PoolContract {
    @Override
    protected Pool newPool() {
        return Pool.io(8);
    }
}
