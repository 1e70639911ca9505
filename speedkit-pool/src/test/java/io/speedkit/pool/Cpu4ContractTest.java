package io.speedkit.pool;

import io.speedkit.pool.contract.PoolContract;

/** The Pool contract against a cpu pool with four platform threads (more than the cores of a small CI machine). */
class Cpu4ContractTest extends PoolContract {
    @Override
    protected Pool newPool() {
        return Pool.cpu(4);
    }
}
