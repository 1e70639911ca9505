package io.speedkit.profiler;

import io.speedkit.profiler.data.FunctionKey;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;

/**
 * An immutable map over two arrays already in pstats' key order: what {@link TreeDerivation} builds for a
 * million call-tree nodes without a comparison per insertion. A proper {@link SortedMap} (ordered by
 * {@link PythonText#KEY_ORDER}), so a {@link java.util.TreeMap} copies it in linear time.
 */
final class KeyOrderedMap<V> extends AbstractMap<FunctionKey, V> implements SortedMap<FunctionKey, V> {
    private FunctionKey[] keys;
    private V[] values;
    private int from;
    private int to;
    /** Where a function's callers come from until they are first needed; null once built. */
    private volatile TreeDerivation.Edges source;
    private final int sourceFrom;
    private final int sourceTo;

    /** Takes ownership of the arrays, which must be in strictly ascending key order. */
    KeyOrderedMap(FunctionKey[] keys, V[] values) {
        this(keys, values, 0, keys.length);
    }

    private KeyOrderedMap(FunctionKey[] keys, V[] values, int from, int to) {
        this.keys = keys;
        this.values = values;
        this.from = from;
        this.to = to;
        this.sourceFrom = 0;
        this.sourceTo = 0;
    }

    /** A function's callers, built from the derivation's edges {@code lo..hi} on first use. */
    KeyOrderedMap(TreeDerivation.Edges source, int lo, int hi) {
        this.source = source;
        this.sourceFrom = lo;
        this.sourceTo = hi;
    }

    /** Builds the entries of a lazily built map, once, whichever thread gets there first. */
    @SuppressWarnings("unchecked")
    private void built() {
        if (source == null) {
            return;
        }
        synchronized (this) {
            TreeDerivation.Edges s = source;
            if (s != null) {
                KeyOrderedMap<CallStats> m = s.callers(sourceFrom, sourceTo);
                keys = m.keys;
                values = (V[]) m.values;
                from = 0;
                to = m.keys.length;
                source = null; // the volatile write publishes the fields above
            }
        }
    }

    @Override
    public int size() {
        built();
        return to - from;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public V get(Object key) {
        int i = indexOf(key);
        return i >= 0 ? values[i] : null;
    }

    private int indexOf(Object key) {
        built();
        if (!(key instanceof FunctionKey k)) {
            return -1;
        }
        int i = Arrays.binarySearch(keys, from, to, k, PythonText.KEY_ORDER);
        return i >= 0 ? i : -1;
    }

    @Override
    public Comparator<? super FunctionKey> comparator() {
        return PythonText.KEY_ORDER;
    }

    @Override
    public SortedMap<FunctionKey, V> subMap(FunctionKey fromKey, FunctionKey toKey) {
        built();
        return new KeyOrderedMap<>(keys, values, bound(fromKey), Math.max(bound(fromKey), bound(toKey)));
    }

    @Override
    public SortedMap<FunctionKey, V> headMap(FunctionKey toKey) {
        built();
        return new KeyOrderedMap<>(keys, values, from, bound(toKey));
    }

    @Override
    public SortedMap<FunctionKey, V> tailMap(FunctionKey fromKey) {
        built();
        return new KeyOrderedMap<>(keys, values, bound(fromKey), to);
    }

    /** The first index in range whose key is not below {@code key}. */
    private int bound(FunctionKey key) {
        int i = Arrays.binarySearch(keys, from, to, key, PythonText.KEY_ORDER);
        return i >= 0 ? i : -i - 1;
    }

    @Override
    public FunctionKey firstKey() {
        built();
        if (from == to) {
            throw new NoSuchElementException();
        }
        return keys[from];
    }

    @Override
    public FunctionKey lastKey() {
        built();
        if (from == to) {
            throw new NoSuchElementException();
        }
        return keys[to - 1];
    }

    @Override
    public Set<Entry<FunctionKey, V>> entrySet() {
        built();
        return new AbstractSet<>() {
            @Override
            public int size() {
        built();
                return to - from;
            }

            @Override
            public Iterator<Entry<FunctionKey, V>> iterator() {
                return new Iterator<>() {
                    private int i = from;

                    @Override
                    public boolean hasNext() {
                        return i < to;
                    }

                    @Override
                    public Entry<FunctionKey, V> next() {
                        if (i >= to) {
                            throw new NoSuchElementException();
                        }
                        Entry<FunctionKey, V> e = new SimpleImmutableEntry<>(keys[i], values[i]);
                        i++;
                        return e;
                    }
                };
            }
        };
    }

    /** True when {@code m} is one of these: sorted, immutable, free of nulls (once built). */
    static boolean isKeyOrdered(Map<?, ?> m) {
        return m instanceof KeyOrderedMap<?>;
    }
}
