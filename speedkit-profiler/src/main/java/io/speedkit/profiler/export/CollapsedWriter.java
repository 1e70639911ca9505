package io.speedkit.profiler.export;

import io.speedkit.profiler.data.CallTree;
import io.speedkit.profiler.data.FunctionKey;
import io.speedkit.profiler.data.ProfileData;
import io.speedkit.profiler.data.ThreadProfile;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a profile as Brendan Gregg's folded ("collapsed") stacks, the input of {@code flamegraph.pl},
 * speedscope and most flame-graph tools: one line per call path, root first,
 *
 * <pre>
 * Main.main;{method java.util.List.forEach};Main.main.lambda$0 16000000
 * </pre>
 *
 * <p>The number is the path's <em>self</em> time (time in its last frame, callees excluded) in integer
 * nanoseconds: ticks × seconds per tick × 10⁹, rounded to the nearest. A path whose rounded self time is
 * 0 is <b>omitted</b> — flame-graph tools give such a line no width, and its ancestors still appear as
 * prefixes of their descendants' lines.
 *
 * <p>Threads are merged, as the cProfile report merges them: identical paths from different threads are
 * one line with the summed time. Paths are identified by their text, so two functions that print the
 * same frame name (the same method name in two source files) share a line, as they would if the tool
 * merged lines itself.
 *
 * <p>Frames are {@link FunctionKey#name()} for program methods ({@code Example03Recursion.fib},
 * {@code Point.new}) and {@link FunctionKey#stdName()} for built-ins ({@code {method java.lang.String.split}}).
 * Since {@code ;} separates frames and a newline ends the line, a {@code ;} in a name becomes {@code :}
 * and a line break ({@code \n} or {@code \r}) becomes a space.
 *
 * <p>The output is deterministic: lines are sorted by their stack's UTF-8 bytes (what {@code LC_ALL=C sort}
 * does), text is UTF-8 (an unpaired surrogate becomes {@code ?}) and lines end in {@code \n}.
 */
public final class CollapsedWriter {

    private CollapsedWriter() {
    }

    /**
     * Writes the folded stacks of {@code data} to {@code out}, then flushes {@code out}; the stream is
     * not closed. A profile with no time writes nothing.
     *
     * @throws IllegalArgumentException when {@code data} or {@code out} is null
     * @throws IOException              when {@code out} fails
     */
    public static void write(ProfileData data, OutputStream out) throws IOException {
        if (data == null || out == null) {
            throw new IllegalArgumentException("collapsed export needs a profile and an output stream, got data=" + data
                    + ", out=" + out);
        }
        MergedPaths paths = new MergedPaths(data.functions());
        for (ThreadProfile thread : data.threads()) {
            paths.add(thread.tree());
        }
        // Convert after summing ticks over threads, so rounding happens once per line.
        double nanosPerTick = data.secondsPerTick() * 1e9;
        List<Line> lines = new ArrayList<>();
        for (int node = 0; node < paths.size(); node++) {
            long nanos = Math.round(paths.selfTicks(node) * nanosPerTick);
            if (nanos != 0) {
                lines.add(new Line(paths.stack(node).getBytes(StandardCharsets.UTF_8), nanos));
            }
        }
        lines.sort((a, b) -> Arrays.compareUnsigned(a.stack, b.stack));
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        for (Line line : lines) {
            buffered.write(line.stack);
            buffered.write(' ');
            // Long.toString never consults the locale.
            buffered.write(Long.toString(line.nanos).getBytes(StandardCharsets.US_ASCII));
            buffered.write('\n');
        }
        buffered.flush();
    }

    /** The frame name of {@code key} as it appears in a folded line. */
    private static String frame(FunctionKey key) {
        String name = key.isBuiltin() ? key.stdName() : key.name();
        return name.replace(';', ':').replace('\n', ' ').replace('\r', ' ');
    }

    private record Line(byte[] stack, long nanos) {
    }

    /**
     * All threads' call trees merged into one tree whose nodes are distinct frame-text paths, holding the
     * summed self ticks. Nodes are numbered as they are created, so a parent precedes its children.
     */
    private static final class MergedPaths {
        /** Function index → frame id; equal frame texts share an id, which is what merges them. */
        private final int[] frameOfFunction;
        private final List<String> frames = new ArrayList<>();
        /** (parent node << 32 | frame id) → node. */
        private final Map<Long, Integer> index = new HashMap<>();
        private int size;
        private int[] parents = new int[64];
        private int[] frameOfNode = new int[64];
        private long[] selfTicks = new long[64];

        MergedPaths(List<FunctionKey> functions) {
            frameOfFunction = new int[functions.size()];
            Map<String, Integer> ids = new HashMap<>();
            for (int f = 0; f < frameOfFunction.length; f++) {
                String text = frame(functions.get(f));
                Integer id = ids.get(text);
                if (id == null) {
                    id = frames.size();
                    frames.add(text);
                    ids.put(text, id);
                }
                frameOfFunction[f] = id;
            }
        }

        void add(CallTree tree) {
            long[] self = tree.selfTimes();
            int[] merged = new int[tree.size()];
            // parent(i) < i, so merged[parent] is known when node i is reached.
            for (int i = 0; i < tree.size(); i++) {
                int p = tree.parent(i);
                int node = child(p < 0 ? -1 : merged[p], frameOfFunction[tree.function(i)]);
                merged[i] = node;
                selfTicks[node] += self[i];
            }
        }

        private int child(int parent, int frame) {
            Long key = ((long) parent << 32) | (frame & 0xFFFFFFFFL);
            Integer existing = index.get(key);
            if (existing != null) {
                return existing;
            }
            if (size == parents.length) {
                parents = Arrays.copyOf(parents, size * 2);
                frameOfNode = Arrays.copyOf(frameOfNode, size * 2);
                selfTicks = Arrays.copyOf(selfTicks, size * 2);
            }
            parents[size] = parent;
            frameOfNode[size] = frame;
            index.put(key, size);
            return size++;
        }

        int size() {
            return size;
        }

        long selfTicks(int node) {
            return selfTicks[node];
        }

        /** The node's path, root first, frames joined by {@code ;}. */
        String stack(int node) {
            int depth = 0;
            for (int n = node; n >= 0; n = parents[n]) {
                depth++;
            }
            String[] path = new String[depth];
            for (int n = node; n >= 0; n = parents[n]) {
                path[--depth] = frames.get(frameOfNode[n]);
            }
            return String.join(";", path);
        }
    }
}
