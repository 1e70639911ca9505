package io.speedkit.pool;

import java.util.List;
import java.util.ServiceLoader;

/**
 * The service behind {@link Pool#processes(int)} and {@link Pool#cluster(String, String...)}, found with
 * {@link ServiceLoader}: {@code speedkit-cluster} provides it, so that this module stays free of the engine it
 * runs on. Not for applications; they call the two factories on {@link Pool}.
 */
public interface RemoteBackends {

    /** {@code workers} worker JVMs on this machine. */
    RemotePool processes(int workers);

    /** A client of an existing cluster named {@code clusterName}, reached through {@code addresses}. */
    RemotePool cluster(String clusterName, List<String> addresses);

    /** The first provider on the class path, or a one-line error naming what to add. */
    static RemoteBackends load(String what) {
        return ServiceLoader.load(RemoteBackends.class, RemoteBackends.class.getClassLoader()).findFirst()
                .or(() -> ServiceLoader.load(RemoteBackends.class).findFirst())
                .orElseThrow(() -> new IllegalStateException(what + " needs speedkit-cluster on the class path"
                        + " (Maven: io.speedkit:speedkit-cluster)"));
    }
}
