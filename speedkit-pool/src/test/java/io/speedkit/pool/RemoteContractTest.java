package io.speedkit.pool;

import io.speedkit.pool.contract.PoolContract;

/** The Pool contract against the RemotePool extension point, with chunks serialized as if they crossed JVMs. */
class RemoteContractTest extends PoolContract {
    @Override
    protected Pool newPool() {
        return new InProcessRemotePool(3);
    }
}
