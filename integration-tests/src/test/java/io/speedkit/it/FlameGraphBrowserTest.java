package io.speedkit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.speedkit.profiler.data.CallTree;
import io.speedkit.profiler.data.FunctionKey;
import io.speedkit.profiler.data.ProfileData;
import io.speedkit.profiler.data.ThreadProfile;
import io.speedkit.profiler.export.HtmlWriter;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code --format html} page in a real browser: a real profile of {@link io.speedkit.it.targets.Fib}
 * (plus a thread with a hostile function name) written by {@link HtmlWriter}, opened from a file:// URL
 * in headless Chromium driven through ChromeDriver's W3C WebDriver protocol, spoken with the JDK's own
 * HttpClient (no Selenium). It checks that the page runs without errors, that a real pointer click on a
 * frame zooms into it, that hovering shows the tooltip, that search paints matching frames, that a click on
 * a column header sorts the table, and keeps a screenshot: {@code integration-tests/target/flamegraph-screenshot.png}
 * (the page itself is kept next to it as {@code flamegraph-page.html}).
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} ({@code bin/setup-test-deps} installs
 * them); without them the test is skipped, saying so.
 */
class FlameGraphBrowserTest {
    static final String HOSTILE = "</script><img src=x onerror=alert(1)>";
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /**
     * As root Chromium must run without its sandbox; the networking flags keep it from calling home, which
     * this machine's closed network refuses (slowly).
     */
    static final List<String> CHROMIUM_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1280,1000", "--force-device-scale-factor=1");

    @TempDir
    Path dir;

    @Test
    void flameGraph_zoomSearchSortInChromium() throws Exception {
        Path chromedriver = executable("chromedriver", Path.of("/usr/bin/chromedriver"));
        Path chromium = Files.isExecutable(CHROMIUM) ? CHROMIUM : executable("chromium", CHROMIUM);
        Assumptions.assumeTrue(chromedriver != null && chromium != null,
                "Chromium and ChromeDriver are not installed, so the flame graph is not tested in a browser; install them"
                        + " with bin/setup-test-deps or: sudo apt-get install chromium chromium-driver");

        Path targetDir = Artifacts.root().resolve("integration-tests/target");
        Path page = targetDir.resolve("flamegraph-page.html");
        String title = "Fib 18 " + HOSTILE;
        try (OutputStream out = Files.newOutputStream(page)) {
            HtmlWriter.write(profile(), title, out);
        }

        try (WebDriver browser = WebDriver.start(chromedriver, chromium, dir)) {
            browser.open(page.toUri().toString());

            // Loaded, ran to the end, raised nothing, and the hostile name stayed text.
            assertEquals("object", browser.execute("return typeof window.speedkit"), "the page's script did not run");
            assertEquals(List.of(), browser.execute("return window.speedkit.errors()"), "the page raised errors");
            assertEquals(List.of(), browser.severeConsoleMessages(), "the browser console has errors");
            assertEquals(title, browser.execute("return document.title"));
            assertEquals(0L, browser.execute("return document.images.length"), "a name became an <img> element");
            assertEquals(1L, browser.execute("return window.speedkit.find(arguments[0]).length", HOSTILE));
            assertEquals("flame", browser.execute("return speedkit.mode()"));

            // A Fib.fib frame a few levels into the recursion: narrower than the page, wide enough to hit. (In a
            // calling-context tree fib(n-1) and fib(n-2) share one path, so the recursion is a single chain.)
            long frame = (Long) browser.execute("""
                    const w = speedkit.width();
                    return speedkit.find('Fib.fib').find(i => {
                      const f = speedkit.frame(i);
                      return f.rect && f.depth >= 4 && f.rect.width > 60 && f.rect.width < 0.8 * w;
                    });""");
            Map<String, Object> before = browser.frame(frame);
            long parent = ((Number) before.get("parent")).longValue();
            long child = frame + 1;
            assertEquals(frame, ((Number) browser.frame(child).get("parent")).longValue(), "pre-order: a child follows");
            double childBefore = number(rect(browser.frame(child)), "width");
            long println = (Long) browser.execute("return speedkit.find('{method java.io.PrintStream.println}')[0]");
            long evil = (Long) browser.execute("return speedkit.find(arguments[0])[0]", HOSTILE);
            String canvas = browser.find("#flame");
            browser.execute("arguments[0].scrollIntoView({block: 'center'})", WebDriver.element(canvas));

            // Hover: the tooltip names the function and gives the path's numbers.
            browser.movePointerTo(canvas, rect(before));
            String tip = (String) browser.execute("""
                    const t = document.getElementById('tooltip');
                    return getComputedStyle(t).display === 'none' ? '' : t.textContent;""");
            assertTrue(tip.contains("Fib.java:9(Fib.fib)") && tip.contains("ncalls (this path): ")
                    && tip.contains("self (tottime)") && tip.contains("total (cumtime)")
                    && tip.matches("(?s).*of total: +\\d+\\.\\d\\d%.*"),
                    "hovering a frame should show its tooltip, got: " + tip);

            // A real click zooms: the frame and its ancestors span the page, its children grow, the rest is gone.
            browser.clickPointerAt(canvas, rect(before));
            assertEquals(frame, browser.execute("return speedkit.zoomed()"), "the click did not zoom into the frame");
            double width = ((Number) browser.execute("return speedkit.width()")).doubleValue();
            Map<String, Object> after = rect(browser.frame(frame));
            assertEquals(0.0, number(after, "x"), 0.01, "the zoomed frame starts at the left edge");
            assertEquals(width, number(after, "width"), 0.01, "the zoomed frame spans the whole width");
            assertEquals(width, number(rect(browser.frame(parent)), "width"), 0.01, "its parent stays, full width");
            assertEquals(width, number(rect(browser.frame(0)), "width"), 0.01, "the root stays, full width");
            assertEquals(childBefore * width / number(rect(before), "width"), number(rect(browser.frame(child)), "width"), 0.01,
                    "its child is scaled by the same factor");
            assertNull(browser.frame(println).get("rect"), "a frame outside the zoomed one is hidden");
            assertNull(browser.frame(evil).get("rect"), "another thread's frame is hidden");
            assertTrue(((String) browser.execute("return document.getElementById('status').textContent"))
                    .startsWith("Zoomed to io/speedkit/it/targets/Fib.java:9(Fib.fib)"));

            // Clicking the bottom frame ("all") zooms out again.
            browser.clickPointerAt(canvas, rect(browser.frame(0)));
            assertEquals(0L, browser.execute("return speedkit.zoomed()"), "clicking the root should zoom out");

            // Search: typing paints the matching frames and reports their share.
            String search = browser.find("#search");
            browser.type(search, "Fib\\.fib");
            String matched = (String) browser.execute("return document.getElementById('matched').textContent");
            assertTrue(matched.matches("Matched: \\d+\\.\\d\\d% of total \\(\\d+ frames\\)"), matched);
            double percent = Double.parseDouble(matched.substring(9, matched.indexOf('%')));
            // Recursion counts once: the share is the outermost Fib.fib frame's (the first in pre-order).
            double outermost = ((Number) browser.execute(
                    "return 100 * speedkit.frame(speedkit.find('Fib.fib')[0]).total / speedkit.frame(0).total")).doubleValue();
            assertEquals(outermost, percent, 0.006, "the matched share should be the outermost Fib.fib's: " + matched);
            assertTrue(percent > 0 && percent < 100, matched);
            assertEquals(Boolean.TRUE, browser.frame(frame).get("highlighted"));
            long main = (Long) browser.execute("return speedkit.find('Fib.main')[0]");
            assertEquals(Boolean.FALSE, browser.frame(main).get("highlighted"));
            assertEquals(List.of(224L, 64L, 224L), browser.execute("""
                    const r = speedkit.frame(arguments[0]).rect, c = document.getElementById('flame');
                    const k = c.width / c.getBoundingClientRect().width;
                    return Array.from(c.getContext('2d').getImageData(Math.floor((r.x + 1) * k), Math.floor((r.y + 2) * k), 1, 1).data.slice(0, 3));""",
                    frame), "a matching frame should be painted magenta");
            assertEquals(1L, browser.execute("return document.querySelectorAll('#stats tbody tr.match').length"),
                    "the table marks the matching function's row");

            // Sorting: a click on tottime sorts descending, a second one ascending.
            String tottime = browser.find("#stats th[data-key=tottime]");
            browser.click(tottime);
            assertEquals("descending", browser.execute("return arguments[0].getAttribute('aria-sort')", WebDriver.element(tottime)));
            List<Double> down = column(browser, 1);
            assertTrue(down.size() >= 4, "the table should list Fib's functions: " + down);
            assertEquals(sorted(down, true), down, "tottime descending");
            browser.click(tottime);
            assertEquals("ascending", browser.execute("return arguments[0].getAttribute('aria-sort')", WebDriver.element(tottime)));
            assertEquals(sorted(down, false), column(browser, 1), "tottime ascending");

            // The thread selector: the hostile thread alone fills the graph, Fib's frames are gone; then all again.
            browser.click(browser.find("#thread option[value='1']"));
            assertEquals(width, number(rect(browser.frame(evil)), "width"), 0.01, "the selected thread's root fills the width");
            assertNull(browser.frame(main).get("rect"), "another thread's frames are hidden");
            browser.click(browser.find("#thread option[value='-1']"));
            assertNotNull(browser.frame(main).get("rect"), "all threads again");

            browser.click(browser.find("#mode"));
            assertEquals("icicle", browser.execute("return speedkit.mode()"));
            browser.click(browser.find("#mode"));
            assertEquals(List.of(), browser.execute("return window.speedkit.errors()"), "the page raised errors");

            browser.execute("window.scrollTo(0, 0)");
            Path screenshot = targetDir.resolve("flamegraph-screenshot.png");
            Files.write(screenshot, browser.screenshot());
            assertTrue(Files.size(screenshot) > 10_000, "the screenshot looks empty: " + Files.size(screenshot) + " bytes");
        }
    }

    /** Fib 18 profiled for real, plus a second thread whose one function has a hostile name. */
    static ProfileData profile() {
        Path saved = Artifacts.root().resolve("integration-tests/target/flamegraph-fib.prof");
        Speedkit.Result run = Speedkit.run("profile", "-o", saved.toString(), "-cp", Artifacts.testClasses().toString(),
                "io.speedkit.it.targets.Fib", "18");
        assertEquals(0, run.exitCode(), run.describe());
        ProfileData fib = Profiles.read(saved);
        long ticks = fib.threads().stream().mapToLong(t -> t.tree().rootTotal()).sum() / 50;
        ProfileData hostile = new ProfileData(List.of(new FunctionKey("Evil.java", 1, HOSTILE)),
                List.of(ThreadProfile.of("evil-" + HOSTILE, 99, false,
                        CallTree.of(new int[] {-1}, new int[] {0}, new long[] {1}, new long[] {Math.max(1, ticks)}))),
                fib.secondsPerTick(), null);
        return fib.plus(hostile);
    }

    static Map<String, Object> rect(Map<String, Object> frame) {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) frame.get("rect");
        assertNotNull(r, "frame " + frame.get("index") + " is not drawn: " + frame);
        return r;
    }

    static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }

    /** The table's column {@code index} (0-based) as numbers, top to bottom. */
    static List<Double> column(WebDriver browser, int index) {
        List<?> texts = (List<?>) browser.execute(
                "return Array.from(document.querySelectorAll('#stats tbody tr'), tr => tr.children[arguments[0]].textContent)",
                index);
        List<Double> out = new ArrayList<>();
        for (Object t : texts) {
            out.add(Double.parseDouble((String) t));
        }
        return out;
    }

    static List<Double> sorted(List<Double> values, boolean descending) {
        List<Double> copy = new ArrayList<>(values);
        copy.sort(descending ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder());
        return copy;
    }

    /** {@code name} on the PATH, else {@code fallback}, if executable; null when neither is. */
    static Path executable(String name, Path fallback) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d.isEmpty() ? "." : d, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return Files.isExecutable(fallback) ? fallback : null;
    }

    /**
     * Just enough of a W3C WebDriver client: one ChromeDriver process on a free loopback port, one session
     * of headless Chromium, JSON over the JDK's HttpClient. Closing it ends the session and the driver
     * (and whatever the driver started), whatever state they are in.
     */
    static final class WebDriver implements AutoCloseable {
        /** The W3C key of an element reference. */
        static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

        private final Process driver;
        private final Path log;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final String base;
        private String session;

        private WebDriver(Process driver, Path log, int port) {
            this.driver = driver;
            this.log = log;
            this.base = "http://127.0.0.1:" + port;
        }

        static WebDriver start(Path chromedriver, Path chromium, Path work) throws IOException, InterruptedException {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path log = work.resolve("chromedriver.log");
            Process p = new ProcessBuilder(chromedriver.toString(), "--port=" + port, "--log-path=" + log)
                    .redirectErrorStream(true).redirectOutput(work.resolve("chromedriver.out").toFile()).start();
            WebDriver d = new WebDriver(p, log, port);
            try {
                d.awaitReady();
                Path profileDir = Files.createDirectories(work.resolve("chromium-profile"));
                List<String> args = new ArrayList<>(CHROMIUM_FLAGS);
                args.add("--user-data-dir=" + profileDir);
                Map<String, Object> chrome = new LinkedHashMap<>();
                chrome.put("binary", chromium.toString());
                chrome.put("args", args);
                Map<String, Object> always = new LinkedHashMap<>();
                always.put("browserName", "chrome");
                always.put("goog:chromeOptions", chrome);
                always.put("goog:loggingPrefs", Map.of("browser", "ALL"));
                Object value = d.call("POST", "/session", Map.of("capabilities", Map.of("alwaysMatch", always)));
                d.session = (String) ((Map<?, ?>) value).get("sessionId");
                return d;
            } catch (IOException | RuntimeException | Error e) {
                d.close();
                throw e;
            }
        }

        private void awaitReady() throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!driver.isAlive()) {
                    fail("chromedriver exited with code " + driver.exitValue() + "; " + logTail());
                }
                try {
                    Object status = call("GET", "/status", null);
                    if (status instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("ready"))) {
                        return;
                    }
                } catch (UncheckedIOException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            fail("chromedriver was not ready within " + TIMEOUT + "; " + logTail());
        }

        static Map<String, Object> element(String id) {
            return Map.of(ELEMENT, id);
        }

        void open(String url) {
            command("POST", "/url", Map.of("url", url));
        }

        Object execute(String script, Object... args) {
            List<Object> list = new ArrayList<>();
            for (Object a : args) {
                list.add(a);
            }
            return command("POST", "/execute/sync", Map.of("script", script, "args", list));
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> frame(long index) {
            Object f = execute("return speedkit.frame(arguments[0])", index);
            assertNotNull(f, "no frame " + index);
            return (Map<String, Object>) f;
        }

        String find(String css) {
            Object found = command("POST", "/element", Map.of("using", "css selector", "value", css));
            Object id = found instanceof Map<?, ?> m ? m.get(ELEMENT) : null;
            assertNotNull(id, "no element reference for " + css + " in " + found);
            return (String) id;
        }

        void click(String element) {
            command("POST", "/element/" + element + "/click", Map.of());
        }

        void type(String element, String text) {
            command("POST", "/element/" + element + "/value", Map.of("text", text));
        }

        /** Moves the pointer to the middle of {@code rect}, a rectangle in CSS pixels within {@code element}. */
        void movePointerTo(String element, Map<String, Object> rect) {
            pointer(element, rect, false);
        }

        /** A real left click (move, press, release) in the middle of {@code rect} within {@code element}. */
        void clickPointerAt(String element, Map<String, Object> rect) {
            pointer(element, rect, true);
        }

        private void pointer(String element, Map<String, Object> rect, boolean click) {
            // W3C offsets are from the element's centre, in whole CSS pixels.
            @SuppressWarnings("unchecked")
            Map<String, Object> box = (Map<String, Object>) execute(
                    "const b = arguments[0].getBoundingClientRect(); return {width: b.width, height: b.height};",
                    element(element));
            long x = Math.round(number(rect, "x") + number(rect, "width") / 2 - number(box, "width") / 2);
            long y = Math.round(number(rect, "y") + number(rect, "height") / 2 - number(box, "height") / 2);
            List<Object> actions = new ArrayList<>();
            actions.add(Map.of("type", "pointerMove", "duration", 0, "origin", element(element), "x", x, "y", y));
            if (click) {
                actions.add(Map.of("type", "pointerDown", "button", 0));
                actions.add(Map.of("type", "pointerUp", "button", 0));
            }
            command("POST", "/actions", Map.of("actions", List.of(Map.of("type", "pointer", "id", "mouse",
                    "parameters", Map.of("pointerType", "mouse"), "actions", actions))));
        }

        byte[] screenshot() {
            return Base64.getDecoder().decode((String) command("GET", "/screenshot", null));
        }

        /** The browser console's SEVERE entries (ChromeDriver's log endpoint), e.g. a blocked load. */
        List<Object> severeConsoleMessages() {
            List<Object> severe = new ArrayList<>();
            for (Object entry : (List<?>) command("POST", "/se/log", Map.of("type", "browser"))) {
                Map<?, ?> e = (Map<?, ?>) entry;
                if ("SEVERE".equals(e.get("level"))) {
                    severe.add(e.get("message"));
                }
            }
            return severe;
        }

        private Object command(String method, String path, Object body) {
            assertNotNull(session, "no WebDriver session");
            return call(method, "/session/" + session + path, body);
        }

        /** One WebDriver call: the response's {@code value}; a WebDriver error fails the test with its message. */
        private Object call(String method, String path, Object body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                    .header("Content-Type", "application/json; charset=utf-8");
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Object parsed = Json.parse(response.body());
            Object value = parsed instanceof Map<?, ?> m ? m.get("value") : null;
            if (response.statusCode() != 200) {
                Map<?, ?> error = value instanceof Map<?, ?> m ? m : Map.of();
                fail(String.format(Locale.ROOT, "WebDriver %s %s answered %d %s: %s", method, path, response.statusCode(),
                        error.get("error"), error.get("message")));
            }
            return value;
        }

        private String logTail() {
            try {
                List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
                return "chromedriver's log ends:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
            } catch (IOException e) {
                return "chromedriver's log is unreadable: " + e;
            }
        }

        @Override
        public void close() {
            List<ProcessHandle> children = driver.descendants().toList();
            try {
                if (session != null) {
                    call("DELETE", "/session/" + session, null);
                }
            } catch (RuntimeException | AssertionError e) {
                System.err.println("could not end the WebDriver session: " + e);
            } finally {
                session = null;
                driver.destroy();
                try {
                    if (!driver.waitFor(10, TimeUnit.SECONDS)) {
                        driver.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                // Only the processes this driver started, by handle: a browser left behind by a failed quit.
                for (ProcessHandle child : children) {
                    if (child.isAlive()) {
                        child.destroyForcibly();
                    }
                }
            }
        }
    }

    /** The JSON WebDriver speaks: maps, lists, strings, numbers (Long when integral, else Double), booleans, null. */
    static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json j = new Json(text);
            Object v = j.value();
            j.space();
            if (j.at != text.length()) {
                throw new IllegalArgumentException("trailing text in JSON at " + j.at + ": " + text);
            }
            return v;
        }

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(out, value);
            return out.toString();
        }

        private static void write(StringBuilder out, Object v) {
            if (v == null || v instanceof Boolean || v instanceof Number) {
                out.append(v);
            } else if (v instanceof String s) {
                out.append('"');
                for (char c : s.toCharArray()) {
                    switch (c) {
                        case '"' -> out.append("\\\"");
                        case '\\' -> out.append("\\\\");
                        default -> {
                            if (c < 0x20) {
                                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                            } else {
                                out.append(c);
                            }
                        }
                    }
                }
                out.append('"');
            } else if (v instanceof Map<?, ?> m) {
                out.append('{');
                String sep = "";
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    out.append(sep);
                    write(out, String.valueOf(e.getKey()));
                    out.append(':');
                    write(out, e.getValue());
                    sep = ",";
                }
                out.append('}');
            } else if (v instanceof List<?> l) {
                out.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(out, l.get(i));
                }
                out.append(']');
            } else {
                throw new IllegalArgumentException("cannot write " + v.getClass() + " as JSON");
            }
        }

        private Object value() {
            space();
            if (at >= text.length()) {
                throw new IllegalArgumentException("JSON ends early: " + text);
            }
            char c = text.charAt(at);
            switch (c) {
                case '{' -> {
                    at++;
                    Map<String, Object> map = new LinkedHashMap<>();
                    space();
                    if (text.charAt(at) == '}') {
                        at++;
                        return map;
                    }
                    do {
                        space();
                        String key = string();
                        space();
                        expect(':');
                        map.put(key, value());
                        space();
                    } while (text.charAt(at++) == ',');
                    at--;
                    expect('}');
                    return map;
                }
                case '[' -> {
                    at++;
                    List<Object> list = new ArrayList<>();
                    space();
                    if (text.charAt(at) == ']') {
                        at++;
                        return list;
                    }
                    do {
                        list.add(value());
                        space();
                    } while (text.charAt(at++) == ',');
                    at--;
                    expect(']');
                    return list;
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    for (String word : new String[] {"true", "false", "null"}) {
                        if (text.startsWith(word, at)) {
                            at += word.length();
                            return word.equals("null") ? null : Boolean.valueOf(word);
                        }
                    }
                    int start = at;
                    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                        at++;
                    }
                    String number = text.substring(start, at);
                    if (number.isEmpty()) {
                        throw new IllegalArgumentException("unexpected '" + c + "' in JSON at " + start + ": " + text);
                    }
                    return number.matches("-?\\d+") ? (Object) Long.valueOf(number) : (Object) Double.valueOf(number);
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder s = new StringBuilder();
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return s.toString();
                }
                if (c != '\\') {
                    s.append(c);
                    continue;
                }
                char e = text.charAt(at++);
                switch (e) {
                    case 'n' -> s.append('\n');
                    case 't' -> s.append('\t');
                    case 'r' -> s.append('\r');
                    case 'b' -> s.append('\b');
                    case 'f' -> s.append('\f');
                    case 'u' -> {
                        s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> s.append(e);
                }
            }
        }

        private void expect(char c) {
            if (at >= text.length() || text.charAt(at) != c) {
                throw new IllegalArgumentException("expected '" + c + "' in JSON at " + at + ": " + text);
            }
            at++;
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
