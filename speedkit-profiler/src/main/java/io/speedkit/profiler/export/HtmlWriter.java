package io.speedkit.profiler.export;

import io.speedkit.profiler.FunctionStats;
import io.speedkit.profiler.Stats;
import io.speedkit.profiler.Unit;
import io.speedkit.profiler.data.CallTree;
import io.speedkit.profiler.data.FunctionKey;
import io.speedkit.profiler.data.Metadata;
import io.speedkit.profiler.data.ProfileData;
import io.speedkit.profiler.data.ThreadProfile;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code --format html} report: one self-contained page (no CDN, no fonts, no images, no server;
 * STYLE.md rule 10) with an interactive flame graph of the call tree and the cProfile table.
 *
 * <h2>How it is built</h2>
 * As async-profiler does it: the page is a template, {@code flamegraph.html} next to this class, with
 * marker slots {@code <!--@title@-->}, {@code <!--@header@-->} and {@code <!--@data@-->}. The writer
 * streams the template's text and fills each slot as it reaches it; the data slot, which for a big profile
 * is nearly the whole page, is written number by number, never as one String.
 *
 * <h2>What the page shows</h2>
 * <ul>
 *   <li>A header with the run's metadata: command, JVM, start time (UTC), wall time, total time
 *       (Σ tottime, cProfile's "in … seconds"), calls, threads; every other entry under "All metadata".
 *   <li>A flame graph (root at the bottom; a button turns it into an icicle) of all threads' call trees
 *       merged: identical call paths from different threads add up. With several threads a selector shows
 *       one thread alone. Frames are as wide as their cumulative (inclusive) time, labelled with the
 *       function's name ({@link FunctionKey#name()}; built-ins their {@link FunctionKey#stdName()}),
 *       warm colours for program code, cool ones for JDK/built-in functions. Click a frame to zoom into it
 *       (it takes the whole width, its ancestors stay); click the bottom frame "all", "Reset zoom" or press
 *       Esc to zoom out. Hovering shows the std name, the path's ncalls, self time (tottime), inclusive
 *       time (cumtime) and the share of the total. The search box takes a regular expression (or plain text
 *       when it is not one), paints matching frames magenta and shows the matched share of the total,
 *       counting recursive matches once.
 *   <li>The cProfile table of {@link Stats} (all threads): ncalls {@code total/primitive}, tottime,
 *       percall, cumtime, percall, {@code filename:lineno(function)}, in the unit the text report would
 *       choose, first sorted by cumulative time; click a column header to sort by it, again to reverse.
 *       The first 1000 rows are shown, a button shows the rest.
 * </ul>
 *
 * <h2>Embedded data</h2>
 * One JSON object in {@code <script type="application/json" id="speedkit-data">}, every time an integer
 * number of clock ticks:
 * <pre>
 * secondsPerTick  the profile's tick length
 * unit            {symbol, label, perSecond}: the table's unit
 * files           distinct file names
 * fnName, fnFile, fnLine   the function table, sorted by label then std name: name, index into files, line
 * depth, fn, calls, total  the merged tree in pre-order, siblings in function-table order (so by name);
 *                 depth 0 for a root, a node's parent is the nearest earlier node one level up
 * threads         [] for one thread; else per thread {name, threads, virtual, node, calls, total}, with node
 *                 the merged tree's node numbers it contributes to, ascending, as differences
 * rows            the cProfile table, by cumulative time: {fn, nc, cc, tt, ct} (function, total calls,
 *                 primitive calls, tottime, cumtime)
 * </pre>
 * A million-node tree makes a page of under 30 bytes per node (HtmlWriterTest prints the figure). Every {@code <}, {@code >} and
 * {@code &} in a JSON string is written as a {@code \}{@code u} escape, so no name can close the script
 * element; every name reaches the page's DOM through {@code textContent} only; the header is
 * HTML-escaped. The page also carries a Content-Security-Policy that forbids loading anything.
 *
 * <h2>The page's JavaScript API</h2>
 * For tests and the browser console, {@code window.speedkit} offers {@code frames()} (the number of
 * frames, frame 0 being the synthetic root "all"), {@code find(name)} (frame numbers with that label),
 * {@code frame(i)} ({@code {index, name, stdName, depth, parent, calls, self, total, highlighted, rect}},
 * times in seconds, {@code rect} = {@code {x, y, width, height}} in CSS pixels within the canvas
 * {@code #flame}, or null when not drawn), {@code zoom(i)}, {@code zoomed()}, {@code width()},
 * {@code search(text)} (returns {@code {frames, percent}}), {@code thread(k)}, {@code mode()} and
 * {@code errors()} (uncaught errors since the page loaded). Stable element ids: {@code #flame},
 * {@code #search}, {@code #matched}, {@code #reset}, {@code #mode}, {@code #thread}, {@code #tooltip},
 * {@code #stats} (headers {@code th[data-key=ncalls|tottime|tpercall|cumtime|cpercall|name]} with
 * {@code aria-sort}; rows {@code tr[data-fn]}), {@code #meta-command}, {@code #meta-jvm},
 * {@code #meta-start}, {@code #meta-wall}, {@code #meta-total}.
 *
 * <p>The output is a function of the profile and the title alone (no clock, no hash order), so the same
 * input gives the same bytes.
 */
public final class HtmlWriter {

    /** The page template, a resource next to this class. */
    static final String TEMPLATE = "flamegraph.html";
    private static final String TITLE = "title";
    private static final String HEADER = "header";
    private static final String DATA = "data";
    private static final int TABLE_UNIT_SAMPLES = 4;

    private HtmlWriter() {
    }

    /**
     * Writes the page for {@code data} to {@code out} as UTF-8. The stream is flushed, not closed.
     *
     * @param title the page's title; null or blank gives "speedkit profile"
     * @throws IOException when writing fails
     */
    public static void write(ProfileData data, String title, OutputStream out) throws IOException {
        if (data == null || out == null) {
            throw new IllegalArgumentException("HtmlWriter.write needs a profile and an output stream, got data=" + data
                    + ", out=" + out);
        }
        String pageTitle = title == null || title.isBlank() ? "speedkit profile" : title;
        Page page = Page.of(data);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        for (String part : Template.PARTS) {
            switch (part) {
                case Template.SLOT + TITLE -> html(w, pageTitle);
                case Template.SLOT + HEADER -> page.writeHeader(w);
                case Template.SLOT + DATA -> page.writeData(w);
                default -> w.write(part);
            }
        }
        w.flush();
    }

    /** The template split at its markers: text parts, and marker parts as {@code SLOT + name}. */
    private static final class Template {
        /** Prefix of a marker part; a NUL cannot occur in the template's text. */
        static final String SLOT = "\0";
        static final List<String> PARTS = load();

        private static List<String> load() {
            String text;
            try (InputStream in = HtmlWriter.class.getResourceAsStream(TEMPLATE)) {
                if (in == null) {
                    throw new IllegalStateException("the HTML template io/speedkit/profiler/export/" + TEMPLATE
                            + " is missing from the class path; rebuild speedkit-profiler");
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the HTML template " + TEMPLATE, e);
            }
            List<String> parts = new ArrayList<>();
            int data = 0;
            int at = 0;
            while (true) {
                int open = text.indexOf("<!--@", at);
                if (open < 0) {
                    parts.add(text.substring(at));
                    break;
                }
                int close = text.indexOf("@-->", open);
                String name = close < 0 ? "" : text.substring(open + 5, close);
                if (!name.equals(TITLE) && !name.equals(HEADER) && !name.equals(DATA)) {
                    throw new IllegalStateException("HTML template " + TEMPLATE + " has an unknown marker at offset " + open
                            + "; markers are <!--@title@-->, <!--@header@--> and <!--@data@-->");
                }
                data += name.equals(DATA) ? 1 : 0;
                parts.add(text.substring(at, open));
                parts.add(SLOT + name);
                at = close + 4;
            }
            if (data != 1) {
                throw new IllegalStateException("HTML template " + TEMPLATE + " must have one <!--@data@--> marker, has " + data);
            }
            return List.copyOf(parts);
        }
    }

    /** Everything the page embeds, derived from the profile before a byte is written. */
    private static final class Page {
        final ProfileData data;
        final List<FunctionKey> functions;     // the page's function table, sorted by label, std name, key
        final int[] depth;                     // the merged tree in pre-order
        final int[] fn;
        final long[] calls;
        final long[] total;
        final int[][] threadNodes;             // per thread (when more than one): pre-order node numbers, ascending
        final long[][] threadCalls;
        final long[][] threadTotals;
        final List<Map.Entry<FunctionKey, FunctionStats>> rows;
        final Map<FunctionKey, Integer> functionIndex;
        final Unit unit;
        final Stats stats;

        private Page(ProfileData data, List<FunctionKey> functions, Map<FunctionKey, Integer> functionIndex, int[] depth,
                     int[] fn, long[] calls, long[] total, int[][] threadNodes, long[][] threadCalls,
                     long[][] threadTotals, Stats stats) {
            this.data = data;
            this.functions = functions;
            this.functionIndex = functionIndex;
            this.depth = depth;
            this.fn = fn;
            this.calls = calls;
            this.total = total;
            this.threadNodes = threadNodes;
            this.threadCalls = threadCalls;
            this.threadTotals = threadTotals;
            this.stats = stats;
            this.rows = List.copyOf(stats.functions().entrySet());
            this.unit = tableUnit(stats.functions().values());
        }

        static Page of(ProfileData data) {
            Stats stats = Stats.of(data).sortStats("cumulative");

            // The page's function table: the functions the trees and the table use, each once, sorted by
            // label so that sorting siblings by function number sorts them by name.
            List<FunctionKey> all = data.functions();
            boolean[] used = new boolean[all.size()];
            for (ThreadProfile t : data.threads()) {
                CallTree own = t.tree();
                for (int i = 0; i < own.size(); i++) {
                    used[own.function(i)] = true;
                }
            }
            Map<FunctionKey, Integer> index = new HashMap<>();
            List<FunctionKey> functions = new ArrayList<>();
            for (int f = 0; f < all.size(); f++) {
                if (used[f] && index.putIfAbsent(all.get(f), -1) == null) {
                    functions.add(all.get(f));
                }
            }
            for (FunctionKey k : stats.functions().keySet()) {
                if (index.putIfAbsent(k, -1) == null) {
                    functions.add(k);
                }
            }
            sortByLabel(functions);
            for (int f = 0; f < functions.size(); f++) {
                index.put(functions.get(f), f);
            }
            int[] toPage = new int[all.size()];
            for (int f = 0; f < all.size(); f++) {
                toPage[f] = used[f] ? index.get(all.get(f)) : -1;
            }

            // All threads merged: equal paths (parent path, function) become one node.
            List<ThreadProfile> threads = data.threads();
            Merged tree = new Merged(threads.stream().mapToInt(t -> t.tree().size()).sum());
            int[][] mapped = new int[threads.size()][];
            for (int t = 0; t < threads.size(); t++) {
                CallTree own = threads.get(t).tree();
                int[] m = new int[own.size()];
                for (int i = 0; i < own.size(); i++) {
                    int p = own.parent(i);
                    m[i] = tree.child(p < 0 ? -1 : m[p], toPage[own.function(i)]);
                    tree.counts[m[i]] += own.count(i);
                    tree.totals[m[i]] += own.total(i);
                }
                mapped[t] = m;
            }
            int n = tree.size;

            // Pre-order, siblings by function number. Children lists as one array (CSR), slot n for the roots.
            int[] start = new int[n + 2];
            for (int i = 0; i < n; i++) {
                start[slot(tree.parents[i], n) + 1]++;
            }
            for (int s = 0; s <= n; s++) {
                start[s + 1] += start[s];
            }
            long[] children = new long[n];
            int[] fill = Arrays.copyOf(start, n + 1);
            for (int i = 0; i < n; i++) {
                // Sort key: function number high, node number low; siblings never share a function.
                children[fill[slot(tree.parents[i], n)]++] = ((long) tree.functions[i] << 32) | i;
            }
            for (int s = 0; s <= n; s++) {
                Arrays.sort(children, start[s], start[s + 1]);
            }
            int[] depth = new int[n];
            int[] fn = new int[n];
            long[] calls = new long[n];
            long[] total = new long[n];
            int[] position = new int[n];
            int[] stack = new int[n];
            int[] nodeDepth = new int[n];
            int top = 0;
            for (int k = start[n + 1] - 1; k >= start[n]; k--) {
                stack[top++] = (int) children[k];
            }
            int next = 0;
            while (top > 0) {
                int node = stack[--top];
                int d = tree.parents[node] < 0 ? 0 : nodeDepth[tree.parents[node]] + 1;
                nodeDepth[node] = d;
                position[node] = next;
                depth[next] = d;
                fn[next] = tree.functions[node];
                calls[next] = tree.counts[node];
                total[next] = tree.totals[node];
                next++;
                for (int k = start[node + 1] - 1; k >= start[node]; k--) {
                    stack[top++] = (int) children[k];
                }
            }

            // Per thread, only when there is a choice to make: which merged nodes it has, with its numbers.
            int threadCount = threads.size() > 1 ? threads.size() : 0;
            int[][] threadNodes = new int[threadCount][];
            long[][] threadCalls = new long[threadCount][];
            long[][] threadTotals = new long[threadCount][];
            for (int t = 0; t < threadCount; t++) {
                CallTree own = threads.get(t).tree();
                long[] keys = new long[own.size()];
                for (int i = 0; i < keys.length; i++) {
                    keys[i] = ((long) position[mapped[t][i]] << 32) | i;
                }
                Arrays.sort(keys);
                int[] nodes = new int[keys.length];
                long[] c = new long[keys.length];
                long[] tt = new long[keys.length];
                int m = 0;
                for (long key : keys) {
                    int pos = (int) (key >>> 32);
                    int i = (int) key;
                    if (m == 0 || nodes[m - 1] != pos) {
                        nodes[m++] = pos;
                    }
                    c[m - 1] += own.count(i);
                    tt[m - 1] += own.total(i);
                }
                threadNodes[t] = Arrays.copyOf(nodes, m);
                threadCalls[t] = Arrays.copyOf(c, m);
                threadTotals[t] = Arrays.copyOf(tt, m);
            }
            return new Page(data, List.copyOf(functions), index, depth, fn, calls, total, threadNodes, threadCalls,
                    threadTotals, stats);
        }

        /**
         * The merged tree being built: nodes found by (parent, function) in an open-addressing table of
         * primitive longs. CallTree.Builder does the same with a boxed HashMap, which for a million nodes
         * costs a second and a hundred megabytes; this is several times cheaper.
         */
        private static final class Merged {
            final int[] parents;
            final int[] functions;
            final long[] counts;
            final long[] totals;
            final long[] keys;
            final int[] values;
            final int mask;
            int size;

            Merged(int capacity) {
                parents = new int[capacity];
                functions = new int[capacity];
                counts = new long[capacity];
                totals = new long[capacity];
                int slots = Integer.highestOneBit(Math.max(4, capacity) * 2 - 1) * 2;
                keys = new long[slots];
                values = new int[slots];
                Arrays.fill(values, -1);
                mask = slots - 1;
            }

            /** The node for {@code function} under {@code parent} (-1 for a root), created when absent. */
            int child(int parent, int function) {
                long key = ((long) parent << 32) | (function & 0xFFFFFFFFL);
                long h = key * 0x9E3779B97F4A7C15L;
                for (int at = (int) (h >>> 40) & mask; ; at = (at + 1) & mask) {
                    if (values[at] < 0) {
                        keys[at] = key;
                        values[at] = size;
                        parents[size] = parent;
                        functions[size] = function;
                        return size++;
                    }
                    if (keys[at] == key) {
                        return values[at];
                    }
                }
            }
        }

        /** Sorts by label, then std name, then key; the names are made once, not at every comparison. */
        private static void sortByLabel(List<FunctionKey> functions) {
            record Named(String label, String std, FunctionKey key) {
            }
            List<Named> named = new ArrayList<>(functions.size());
            for (FunctionKey k : functions) {
                named.add(new Named(label(k), k.stdName(), k));
            }
            named.sort(Comparator.comparing(Named::label).thenComparing(Named::std).thenComparing(Named::key));
            for (int f = 0; f < named.size(); f++) {
                functions.set(f, named.get(f).key());
            }
        }

        private static int slot(int parent, int n) {
            return parent < 0 ? n : parent;
        }

        /** The unit the text report would choose for this table (see StatsPrinter): AUTO over all its times. */
        private static Unit tableUnit(java.util.Collection<FunctionStats> rows) {
            double[] times = new double[rows.size() * TABLE_UNIT_SAMPLES];
            int k = 0;
            for (FunctionStats s : rows) {
                double[] each = {s.tottime(), s.cumtime(), s.totalCalls() > 0 ? s.tottime() / s.totalCalls() : 0,
                        s.primitiveCalls() > 0 ? s.cumtime() / s.primitiveCalls() : 0};
                for (double t : each) {
                    if (t > 0) {
                        times[k++] = t;
                    }
                }
            }
            return Unit.auto(Arrays.copyOf(times, k));
        }

        void writeHeader(Writer w) throws IOException {
            Metadata meta = data.metadata();
            w.write("<dl class=\"meta\">\n");
            item(w, "command", "Command", meta.get(Metadata.COMMAND));
            item(w, "jvm", "JVM", meta.get(Metadata.JVM));
            long start = meta.getLong(Metadata.START_MILLIS, Long.MIN_VALUE);
            item(w, "start", "Started", start == Long.MIN_VALUE ? null : Instant.ofEpochMilli(start).toString());
            long wall = meta.getLong(Metadata.WALL_NANOS, -1);
            item(w, "wall", "Wall time", wall < 0 ? null : seconds(wall / 1e9));
            item(w, "total", "Total time", seconds(stats.totalTime()) + " (\u03a3 tottime, cProfile's \"in \u2026 seconds\")");
            item(w, "calls", "Calls", String.format(Locale.ROOT, "%d function calls (%d primitive calls)", stats.totalCalls(),
                    stats.primitiveCalls()));
            item(w, "threads", "Threads", threadSummary());
            item(w, "clock", "Clock", meta.get(Metadata.CLOCK));
            w.write("</dl>\n");
            if (!meta.asMap().isEmpty()) {
                w.write("<details><summary>All metadata</summary><table>\n");
                for (Map.Entry<String, String> e : meta.asMap().entrySet()) {
                    w.write("<tr><td>");
                    html(w, e.getKey());
                    w.write("</td><td>");
                    html(w, e.getValue());
                    w.write("</td></tr>\n");
                }
                w.write("</table></details>\n");
            }
        }

        private String threadSummary() {
            long platform = 0;
            long virtual = 0;
            for (ThreadProfile t : data.threads()) {
                if (t.virtual()) {
                    virtual += t.threads();
                } else {
                    platform += t.threads();
                }
            }
            return String.format(Locale.ROOT, "%d platform, %d virtual; %d call paths merged into %d", platform, virtual,
                    data.threads().stream().mapToLong(t -> t.tree().size()).sum(), depth.length);
        }

        private static void item(Writer w, String id, String label, String value) throws IOException {
            w.write("<dt>");
            w.write(label);
            w.write("</dt><dd id=\"meta-");
            w.write(id);
            w.write("\">");
            html(w, value == null ? "unknown" : value);
            w.write("</dd>\n");
        }

        void writeData(Writer w) throws IOException {
            w.write("{\"secondsPerTick\":");
            w.write(Double.toString(data.secondsPerTick()));
            w.write(",\n\"unit\":{\"symbol\":");
            json(w, unit.symbol());
            w.write(",\"label\":");
            json(w, unit.label());
            w.write(",\"perSecond\":");
            w.write(Double.toString(unit.perSecond()));
            w.write("},\n\"files\":[");
            Map<String, Integer> files = new HashMap<>();
            int[] fileOf = new int[functions.size()];
            for (int f = 0; f < functions.size(); f++) {
                String file = functions.get(f).file();
                Integer at = files.get(file);
                if (at == null) {
                    at = files.size();
                    files.put(file, at);
                    if (at > 0) {
                        w.write(',');
                    }
                    json(w, file);
                }
                fileOf[f] = at;
            }
            w.write("],\n\"fnName\":[");
            for (int f = 0; f < functions.size(); f++) {
                if (f > 0) {
                    w.write(',');
                }
                json(w, functions.get(f).name());
            }
            w.write("],\n\"fnFile\":");
            ints(w, fileOf, 0);
            int[] lines = new int[functions.size()];
            for (int f = 0; f < lines.length; f++) {
                lines[f] = functions.get(f).line();
            }
            w.write(",\n\"fnLine\":");
            ints(w, lines, 0);
            w.write(",\n\"depth\":");
            ints(w, depth, 0);
            w.write(",\n\"fn\":");
            ints(w, fn, 0);
            w.write(",\n\"calls\":");
            longs(w, calls);
            w.write(",\n\"total\":");
            longs(w, total);
            w.write(",\n\"threads\":[");
            for (int t = 0; t < threadNodes.length; t++) {
                ThreadProfile tp = data.threads().get(t);
                w.write(t > 0 ? ",\n{\"name\":" : "\n{\"name\":");
                json(w, tp.name());
                w.write(",\"threads\":");
                w.write(Long.toString(tp.threads()));
                w.write(",\"virtual\":");
                w.write(Boolean.toString(tp.virtual()));
                w.write(",\"node\":");
                ints(w, threadNodes[t], 1);
                w.write(",\"calls\":");
                longs(w, threadCalls[t]);
                w.write(",\"total\":");
                longs(w, threadTotals[t]);
                w.write('}');
            }
            w.write("],\n\"rows\":{\"fn\":[");
            double tick = data.secondsPerTick();
            for (int r = 0; r < rows.size(); r++) {
                if (r > 0) {
                    w.write(',');
                }
                w.write(Integer.toString(functionIndex.get(rows.get(r).getKey())));
            }
            w.write("],\n\"nc\":[");
            rowNumbers(w, r -> rows.get(r).getValue().totalCalls());
            w.write("],\n\"cc\":[");
            rowNumbers(w, r -> rows.get(r).getValue().primitiveCalls());
            // Stats keeps seconds (ticks × tick length); rounding gives the ticks back, so the page stays integral.
            w.write("],\n\"tt\":[");
            rowNumbers(w, r -> Math.round(rows.get(r).getValue().tottime() / tick));
            w.write("],\n\"ct\":[");
            rowNumbers(w, r -> Math.round(rows.get(r).getValue().cumtime() / tick));
            w.write("]}}");
        }

        private void rowNumbers(Writer w, java.util.function.IntToLongFunction value) throws IOException {
            for (int r = 0; r < rows.size(); r++) {
                if (r > 0) {
                    w.write(',');
                }
                w.write(Long.toString(value.applyAsLong(r)));
            }
        }
    }

    /** The frame label: the method name for program code, the std name ({@code {method ...}}) for built-ins. */
    static String label(FunctionKey k) {
        return k.isBuiltin() ? k.stdName() : k.name();
    }

    /** Seconds for people: {@code 12.345 ms}; three decimals in the largest unit that shows at least 1. */
    static String seconds(double s) {
        double a = Math.abs(s);
        if (a >= 1 || a == 0) {
            return String.format(Locale.ROOT, "%.3f s", s);
        }
        if (a >= 1e-3) {
            return String.format(Locale.ROOT, "%.3f ms", s * 1e3);
        }
        if (a >= 1e-6) {
            return String.format(Locale.ROOT, "%.3f \u00b5s", s * 1e6);
        }
        return String.format(Locale.ROOT, "%.3f ns", s * 1e9);
    }

    /** {@code [a,b,c]}; with {@code delta} 1, each value minus the one before it (the first as it is). */
    private static void ints(Writer w, int[] values, int delta) throws IOException {
        w.write('[');
        int previous = 0;
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(Integer.toString(values[i] - previous * delta));
            previous = values[i];
        }
        w.write(']');
    }

    private static void longs(Writer w, long[] values) throws IOException {
        w.write('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(Long.toString(values[i]));
        }
        w.write(']');
    }

    /**
     * A JSON string that is also safe inside an HTML script element: {@code < > &} and the JavaScript line
     * separators are {@code \}{@code u} escapes, so no name can end the element ({@code </script>}) or open an
     * HTML comment in it; an unpaired surrogate is escaped too, so it survives instead of becoming '?'.
     */
    static void json(Writer w, String s) throws IOException {
        w.write('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> w.write("\\\"");
                case '\\' -> w.write("\\\\");
                case '\n' -> w.write("\\n");
                case '\r' -> w.write("\\r");
                case '\t' -> w.write("\\t");
                default -> {
                    boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                    if (pair) {
                        w.write(c);
                        w.write(s.charAt(++i));
                    } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029'
                            || Character.isSurrogate(c)) {
                        w.write(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        w.write(c);
                    }
                }
            }
        }
        w.write('"');
    }

    /** Text for an HTML element or attribute value; an unpaired surrogate becomes U+FFFD. */
    static void html(Writer w, String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> w.write("&amp;");
                case '<' -> w.write("&lt;");
                case '>' -> w.write("&gt;");
                case '"' -> w.write("&quot;");
                case '\'' -> w.write("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        w.write(c);
                        w.write(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        w.write('\ufffd');
                    } else {
                        w.write(c);
                    }
                }
            }
        }
    }
}
