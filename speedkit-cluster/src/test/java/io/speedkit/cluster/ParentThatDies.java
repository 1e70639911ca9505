package io.speedkit.cluster;

/** A parent JVM for {@link ProcessPoolTest}: starts a pool, prints its workers' pids, then waits to be killed. */
public final class ParentThatDies {
    private ParentThatDies() {
    }

    public static void main(String[] args) throws InterruptedException {
        ProcessPool pool = ProcessPool.start(Integer.parseInt(args[0]));
        StringBuilder pids = new StringBuilder("workers");
        for (ProcessHandle p : pool.workerProcesses()) {
            pids.append(' ').append(p.pid());
        }
        System.out.println(pids);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
