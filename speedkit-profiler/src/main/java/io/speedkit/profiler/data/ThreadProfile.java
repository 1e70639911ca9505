package io.speedkit.profiler.data;

/**
 * The call tree recorded on one thread, or on a group of threads merged into one tree.
 *
 * @param name    the thread's name, or the group's (virtual threads are merged into one group when they
 *                finish, so memory follows the threads in flight, not the threads ever started)
 * @param id      {@link Thread#threadId()}, or -1 for a group
 * @param virtual whether the thread (or every thread of the group) is virtual
 * @param threads how many threads the tree holds: 1 for a thread, the number merged for a group
 * @param tree    the calling-context tree
 */
public record ThreadProfile(String name, long id, boolean virtual, long threads, CallTree tree) {

    public ThreadProfile {
        if (name == null || tree == null) {
            throw new IllegalArgumentException("a thread profile needs a name and a tree");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("thread profile '" + name + "' must hold at least one thread, got " + threads);
        }
    }

    /** One platform or virtual thread. */
    public static ThreadProfile of(String name, long id, boolean virtual, CallTree tree) {
        return new ThreadProfile(name, id, virtual, 1, tree);
    }
}
