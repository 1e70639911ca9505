package io.speedkit.cluster;

import io.speedkit.pool.RemoteBackends;
import io.speedkit.pool.RemotePool;
import java.util.List;

/** Provides {@code Pool.processes} and {@code Pool.cluster} to speedkit-pool, through {@link java.util.ServiceLoader}. */
public final class ClusterBackends implements RemoteBackends {
    @Override
    public RemotePool processes(int workers) {
        return ProcessPool.start(workers);
    }

    @Override
    public RemotePool cluster(String clusterName, List<String> addresses) {
        return ClusterPool.connect(clusterName, addresses);
    }
}
