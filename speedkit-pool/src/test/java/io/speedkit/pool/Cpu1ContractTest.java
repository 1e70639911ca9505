package io.speedkit.pool;

import io.speedkit.pool.contract.PoolContract;

/** The Pool contract against a cpu pool with one platform thread. */
class Cpu1ContractTest extends PoolContract {
    @Override
    protected Pool newPool() {
        return Pool.cpu(1);
    }
}
