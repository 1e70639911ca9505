package io.speedkit.probe;

/**
 * One node of a thread's calling-context tree: a function reached by one particular call path.
 *
 * <p>Only the owning thread writes a node, while it records. Readers (the snapshot) run after
 * recording has stopped, so the fields are plain: no volatile, no atomics on the hot path.
 */
final class Node {
    /** Above this many children a node indexes them in a hash table instead of scanning. */
    private static final int SCAN_LIMIT = 8;

    final int function;
    final Node parent;
    long count;
    long total;

    /** The child entered last. */
    Node last;
    /** The sibling entered after this node last time, under the same parent: the next guess. */
    Node next;
    Node[] children;
    int childCount;
    /** Open-addressing index of the children, by function id; null while there are few. */
    private Node[] table;

    /** Scratch slot for the snapshot's pre-order numbering. */
    int mark;

    Node(int function, Node parent) {
        this.function = function;
        this.parent = parent;
    }

    /** The child for {@code f}, created on first use. The caller tries its predictions first. */
    Node child(int f) {
        Node found = table == null ? scan(f) : lookup(f);
        return found != null ? found : add(f);
    }

    private Node scan(int f) {
        Node[] kids = children;
        for (int i = 0, n = childCount; i < n; i++) {
            Node k = kids[i];
            if (k.function == f) {
                return k;
            }
        }
        return null;
    }

    private Node lookup(int f) {
        Node[] t = table;
        int mask = t.length - 1;
        for (int i = mix(f) & mask; ; i = (i + 1) & mask) {
            Node k = t[i];
            if (k == null || k.function == f) {
                return k;
            }
        }
    }

    private Node add(int f) {
        Node k = new Node(f, this);
        if (children == null) {
            children = new Node[2];
        } else if (childCount == children.length) {
            children = java.util.Arrays.copyOf(children, childCount * 2);
        }
        children[childCount++] = k;
        if (table != null) {
            if (childCount * 2 > table.length) {
                rehash(table.length * 2);
            } else {
                insert(table, k);
            }
        } else if (childCount > SCAN_LIMIT) {
            rehash(32);
        }
        return k;
    }

    private void rehash(int size) {
        Node[] t = new Node[size];
        for (int i = 0; i < childCount; i++) {
            insert(t, children[i]);
        }
        table = t;
    }

    private static void insert(Node[] t, Node k) {
        int mask = t.length - 1;
        int i = mix(k.function) & mask;
        while (t[i] != null) {
            i = (i + 1) & mask;
        }
        t[i] = k;
    }

    private static int mix(int f) {
        return f * 0x9E3779B9 >>> 7;
    }
}
