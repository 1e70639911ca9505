package io.speedkit.cluster.internal;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.ExecutorConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The Hazelcast configurations speedkit uses, in one place: a private, quiet, fast-forming cluster.
 *
 * <ul>
 *   <li>No discovery but the TCP-IP member list it is given: multicast and auto-detection off, so a pool never
 *       joins a stranger's cluster and strangers never join it; phone-home off.</li>
 *   <li>Bound to the given interface only ({@code hazelcast.socket.bind.any=false}); for worker JVMs that is
 *       127.0.0.1, so nothing listens beyond loopback. Every port is explicit, listed one by one (a port range
 *       together with an interface made member start-up fail).</li>
 *   <li>Joins without the default 5 s grace period, and a member that stops answering is dropped after
 *       {@link #HEARTBEAT_TIMEOUT_SECONDS} instead of 60 s (a dead worker's chunks are re-run sooner; the pool
 *       also watches its own worker processes and does not wait for this).</li>
 *   <li>Hazelcast's logging off: a pool must not print Hazelcast's start-up banner into the program's
 *       output. Problems reach the caller as exceptions.</li>
 * </ul>
 */
public final class Configs {
    /** The executor that runs chunks on members. */
    public static final String EXECUTOR = "speedkit";
    /** Member attribute: how many chunks the member runs at once (its executor's threads). */
    public static final String SLOTS_ATTRIBUTE = "speedkit.slots";
    static final int HEARTBEAT_TIMEOUT_SECONDS = 10;

    private Configs() {
    }

    /** A cluster name nobody can guess: 128 random bits. */
    public static String randomClusterName() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return "speedkit-" + HexFormat.of().formatHex(b);
    }

    /**
     * A member on {@code bindAddress:port} that finds the others at {@code members} ({@code host:port} each).
     *
     * @param slots chunks it runs at once; 0 for a lite member, which holds no data and runs no chunks
     */
    public static Config member(String clusterName, String bindAddress, int port, List<String> members, int slots) {
        Config c = new Config();
        c.setClusterName(clusterName);
        c.setInstanceName("speedkit-" + port);
        quiet(c);
        c.setProperty("hazelcast.socket.bind.any", "false");
        c.setProperty("hazelcast.wait.seconds.before.join", "0");
        c.setProperty("hazelcast.max.wait.seconds.before.join", "0");
        c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        c.setProperty("hazelcast.max.no.heartbeat.seconds", "" + HEARTBEAT_TIMEOUT_SECONDS);
        c.setProperty("hazelcast.shutdownhook.enabled", "false");
        // Pools keep no data: fewer partitions make forming and re-forming the cluster cheaper.
        c.setProperty("hazelcast.partition.count", "23");
        c.getJetConfig().setEnabled(false);
        NetworkConfig net = c.getNetworkConfig();
        net.setPort(port).setPortAutoIncrement(false);
        net.getInterfaces().setEnabled(true).addInterface(bindAddress);
        net.setPublicAddress(bindAddress + ":" + port);
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(members).setConnectionTimeoutSeconds(2);
        if (slots == 0) {
            c.setLiteMember(true);
        } else {
            c.getMemberAttributeConfig().setAttribute(SLOTS_ATTRIBUTE, Integer.toString(slots));
            c.addExecutorConfig(new ExecutorConfig(EXECUTOR, slots).setStatisticsEnabled(false));
        }
        return c;
    }

    /** A client of the cluster {@code clusterName}, trying {@code addresses} for at most {@code timeoutMillis}. */
    public static ClientConfig client(String clusterName, List<String> addresses, long timeoutMillis) {
        ClientConfig c = new ClientConfig();
        c.setClusterName(clusterName);
        c.setInstanceName("speedkit-client-" + Long.toHexString(new SecureRandom().nextLong()));
        c.setProperty("hazelcast.logging.type", "none");
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.client.shutdownhook.enabled", "false");
        c.getNetworkConfig().setAddresses(addresses).setConnectionTimeout(2_000);
        c.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(timeoutMillis)
                .setInitialBackoffMillis(100).setMaxBackoffMillis(1_000);
        return c;
    }

    /**
     * Hazelcast's static loggers read the system property {@code hazelcast.logging.type} once, before any
     * configuration is seen: set it to {@code none} unless the application chose a logging type itself.
     */
    public static void quietLogging() {
        if (System.getProperty("hazelcast.logging.type") == null) {
            System.setProperty("hazelcast.logging.type", "none");
        }
    }

    private static void quiet(Config c) {
        c.setProperty("hazelcast.logging.type", "none");
        c.setProperty("hazelcast.phone.home.enabled", "false");
    }
}
