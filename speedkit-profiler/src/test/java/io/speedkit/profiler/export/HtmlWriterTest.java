package io.speedkit.profiler.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.speedkit.profiler.data.CallTree;
import io.speedkit.profiler.data.FunctionKey;
import io.speedkit.profiler.data.Metadata;
import io.speedkit.profiler.data.ProfileData;
import io.speedkit.profiler.data.ThreadProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The HTML page's bytes: self-contained, the hand-built tree's numbers embedded as derived by hand,
 * hostile names escaped, deterministic, and compact for a million-node tree. What the page does with
 * them is tested in a real browser by integration-tests' FlameGraphBrowserTest.
 */
class HtmlWriterTest {
    static final String HOSTILE = "</script><img src=x onerror=alert(1)>";

    static final FunctionKey MAIN = new FunctionKey("Demo.java", 3, "Demo.main");
    static final FunctionKey WORK = new FunctionKey("Demo.java", 10, "Demo.work");
    static final FunctionKey SPLIT = FunctionKey.builtin("method java.lang.String.split");

    /**
     * Two threads, ticks of a millisecond:
     * <pre>
     * main:   Demo.main 1 call 100 ms ─┬─ Demo.work 2 calls 60 ms ── split 4 calls 20 ms
     *                                  └─ split 1 call 10 ms
     * worker: Demo.work 3 calls 30 ms ── split 1 call 5 ms
     * </pre>
     * cProfile's rows: main 1 call, tottime 100 − 60 − 10 = 30, cumtime 100; work 5 calls, tottime
     * (60 − 20) + (30 − 5) = 65, cumtime 90; split 6 calls, tottime = cumtime = 35. Σ tottime 130 ms.
     */
    static ProfileData demo() {
        // The table order is deliberately not the page's (which sorts by label): split, work, main.
        List<FunctionKey> functions = List.of(SPLIT, WORK, MAIN);
        CallTree main = CallTree.of(new int[] {-1, 0, 1, 0}, new int[] {2, 1, 0, 0}, new long[] {1, 2, 4, 1},
                new long[] {100, 60, 20, 10});
        CallTree worker = CallTree.of(new int[] {-1, 0}, new int[] {1, 0}, new long[] {3, 1}, new long[] {30, 5});
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(Metadata.COMMAND, "java -cp classes Demo");
        meta.put(Metadata.JVM, "OpenJDK 64-Bit Server VM 25");
        meta.put(Metadata.START_MILLIS, "1767225600000");
        meta.put(Metadata.WALL_NANOS, "1500000000");
        return new ProfileData(functions, List.of(ThreadProfile.of("main", 1, false, main),
                ThreadProfile.of("worker-0", 22, false, worker)), 1e-3, Metadata.of(meta));
    }

    @Test
    void write_demo_embedsTreeTableAndHeader() throws IOException {
        String page = page(demo(), "Demo profile");
        String data = data(page);
        // Function table sorted by label: Demo.main, Demo.work, {method java.lang.String.split}.
        assertContains(data, "\"files\":[\"Demo.java\",\"~\"]");
        assertContains(data, "\"fnName\":[\"Demo.main\",\"Demo.work\",\"\\u003cmethod java.lang.String.split\\u003e\"]");
        assertContains(data, "\"fnFile\":[0,0,1]");
        assertContains(data, "\"fnLine\":[3,10,0]");
        // The merged tree in pre-order, siblings by name: main > work > split, main > split, work > split.
        assertContains(data, "\"depth\":[0,1,2,1,0,1]");
        assertContains(data, "\"fn\":[0,1,2,2,1,2]");
        assertContains(data, "\"calls\":[1,2,4,1,3,1]");
        assertContains(data, "\"total\":[100,60,20,10,30,5]");
        // Per thread: main has nodes 0..3 (differences 0,1,1,1), worker 4 and 5.
        assertContains(data, "{\"name\":\"main\",\"threads\":1,\"virtual\":false,\"node\":[0,1,1,1],"
                + "\"calls\":[1,2,4,1],\"total\":[100,60,20,10]}");
        assertContains(data, "{\"name\":\"worker-0\",\"threads\":1,\"virtual\":false,\"node\":[4,1],"
                + "\"calls\":[3,1],\"total\":[30,5]}");
        // cProfile's table by cumulative time, in ticks.
        assertContains(data, "\"rows\":{\"fn\":[0,1,2],\n\"nc\":[1,5,6],\n\"cc\":[1,5,6],\n\"tt\":[30,65,35],\n\"ct\":[100,90,35]}");
        assertContains(data, "\"secondsPerTick\":0.001");
        // The text report's AUTO unit: three quarters of these times read 0.001 s or more, so seconds.
        assertContains(data, "\"unit\":{\"symbol\":\"s\",\"label\":\"seconds\",\"perSecond\":1.0}");

        assertContains(page, "<title>Demo profile</title>");
        assertContains(page, "<dd id=\"meta-command\">java -cp classes Demo</dd>");
        assertContains(page, "<dd id=\"meta-jvm\">OpenJDK 64-Bit Server VM 25</dd>");
        assertContains(page, "<dd id=\"meta-start\">2026-01-01T00:00:00Z</dd>");
        assertContains(page, "<dd id=\"meta-wall\">1.500 s</dd>");
        assertContains(page, "<dd id=\"meta-total\">130.000 ms");
        assertContains(page, "<dd id=\"meta-calls\">12 function calls (12 primitive calls)</dd>");
    }

    @Test
    void write_isSelfContained() throws IOException {
        String page = page(demo(), "Demo profile");
        String lower = page.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("http://"), "the page must not refer to any http:// address");
        assertFalse(lower.contains("https://"), "the page must not refer to any https:// address");
        assertFalse(lower.contains("src="), "the page must load no script, image or frame");
        assertFalse(lower.contains("<link"), "the page must load no style sheet or font");
        assertFalse(lower.contains("@import") || lower.contains("url("), "the styles must load nothing");
        assertContains(page, "default-src 'none'");
    }

    @Test
    void write_hostileNames_areEscaped() throws IOException {
        FunctionKey evil = new FunctionKey("a\"b'$1&\\.java", 7, HOSTILE + " $1 $0 \\ \"q\" 'q' \u2028 <!-- ");
        CallTree tree = CallTree.of(new int[] {-1, 0}, new int[] {0, 1}, new long[] {1, 1}, new long[] {10, 4});
        ProfileData profile = new ProfileData(List.of(MAIN, evil), List.of(ThreadProfile.of(HOSTILE, 1, false, tree)), 1e-9,
                Metadata.empty().with(Metadata.COMMAND, "java " + HOSTILE).with(HOSTILE, HOSTILE));
        String page = page(profile, HOSTILE);

        assertFalse(page.contains("<img"), "a name must never become markup");
        assertEquals(count(template(), "<!--") - count(template(), "<!--@"), count(page, "<!--"),
                "a name must never open an HTML comment");
        assertEquals(count(template(), "</script>"), count(page, "</script>"), "only the template's scripts end");
        assertEquals(count(template(), "<script"), count(page, "<script"), "only the template's scripts start");
        assertContains(page, "<title>&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</title>");
        assertContains(page, "<dd id=\"meta-command\">java &lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</dd>");
        String data = data(page);
        assertContains(data, "\"\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e $1 $0 \\\\ \\\"q\\\" 'q' "
                + "\\u2028 \\u003c!-- \"");
        assertContains(data, "\"a\\\"b'$1\\u0026\\\\.java\"");
        assertContains(data, "\"threads\":[]");
    }

    @Test
    void write_sameInput_sameBytes() throws IOException {
        byte[] first = bytes(demo(), "Demo");
        byte[] second = bytes(demo(), "Demo");
        assertArrayEquals(first, second);
        assertArrayEquals(first, bytes(demo().plus(new ProfileData(List.of(), List.of(), 1e-3, Metadata.empty())), "Demo"));
    }

    @Test
    void write_emptyProfile_isAPage() throws IOException {
        String page = page(new ProfileData(List.of(), List.of(), 1e-9, Metadata.empty()), null);
        assertContains(page, "<title>speedkit profile</title>");
        assertContains(data(page), "\"depth\":[],\n\"fn\":[]");
        assertContains(page, "<dd id=\"meta-command\">unknown</dd>");
    }

    /**
     * The issue's size: 100,000 functions and 1,000,000 call-tree nodes (a random recursive tree, ~14 deep on
     * average, nanosecond ticks). Prints the page's size; no timing is asserted.
     */
    @Test
    void write_millionNodes_staysCompact() throws IOException {
        int nodes = 1_000_000;
        int functionCount = 100_000;
        SplittableRandom random = new SplittableRandom(42);
        List<FunctionKey> functions = new ArrayList<>(functionCount);
        for (int f = 0; f < functionCount; f++) {
            functions.add(f % 10 == 0 ? FunctionKey.builtin("method java.util.Gen" + f + ".call")
                    : new FunctionKey("com/acme/pkg" + (f % 97) + "/Gen" + f + ".java", 1 + f % 500, "Gen" + f + ".run"));
        }
        int[] parents = new int[nodes];
        int[] fns = new int[nodes];
        long[] counts = new long[nodes];
        long[] totals = new long[nodes];
        for (int i = 0; i < nodes; i++) {
            parents[i] = i == 0 ? -1 : random.nextInt(i);
            fns[i] = random.nextInt(functionCount);
            counts[i] = 1 + random.nextInt(1000);
            totals[i] = random.nextLong(1_000_000);     // self time; children's totals are added below
        }
        for (int i = nodes - 1; i > 0; i--) {
            totals[parents[i]] += totals[i];
        }
        ProfileData big = new ProfileData(functions, List.of(ThreadProfile.of("main", 1, false,
                CallTree.of(parents, fns, counts, totals))), 1e-9, Metadata.empty());

        CountingStream out = new CountingStream();
        long started = System.nanoTime();
        HtmlWriter.write(big, "1M nodes", out);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(Locale.ROOT, "HtmlWriter: 1,000,000 nodes, 100,000 functions: %,d bytes (%.1f bytes/node) in %d ms%n",
                out.count, out.count / (double) nodes, millis);
        assertTrue(out.count < 40_000_000L, "a million-node page should stay well under 40 MB, got " + out.count);
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    static String page(ProfileData data, String title) throws IOException {
        return new String(bytes(data, title), StandardCharsets.UTF_8);
    }

    static byte[] bytes(ProfileData data, String title) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HtmlWriter.write(data, title, out);
        return out.toByteArray();
    }

    /** The embedded JSON: the text of the {@code speedkit-data} script element. */
    static String data(String page) {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"speedkit-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(page);
        assertTrue(m.find(), "the page has no speedkit-data script element");
        return m.group(1);
    }

    static String template() throws IOException {
        try (var in = HtmlWriter.class.getResourceAsStream(HtmlWriter.TEMPLATE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    static void assertContains(String text, String part) {
        assertTrue(text.contains(part), () -> "expected to find\n  " + part + "\nin\n"
                + (text.length() > 4000 ? text.substring(0, 4000) + "…" : text));
    }

    /** Counts bytes and keeps none, so the million-node page costs no memory in the test. */
    static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
