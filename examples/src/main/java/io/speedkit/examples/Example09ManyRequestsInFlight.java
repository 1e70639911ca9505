package io.speedkit.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.speedkit.pool.IoPool;
import io.speedkit.pool.MapOptions;
import io.speedkit.pool.Outcome;
import io.speedkit.pool.ProgressBar;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * The seed's case for asyncio — an I/O-bound program spends its time waiting, so keep many waits in flight —
 * with real I/O: HTTP requests to a server that takes 50 ms to answer each one.
 *
 * <pre>
 * java -cp speedkit-pool/target/speedkit-pool-0.1.0.jar examples/src/main/java/io/speedkit/examples/Example09ManyRequestsInFlight.java
 * java -cp examples/target/classes:speedkit-pool/target/classes io.speedkit.examples.Example09ManyRequestsInFlight [requests] [one-by-one]
 * </pre>
 *
 * The example starts its own server (the JDK's {@code com.sun.net.httpserver.HttpServer} on 127.0.0.1, on a
 * free port, one virtual thread per request), so it needs no network. {@code GET /item/17} answers
 * {@code item 17} after 50 ms. Then it fetches with {@link HttpClient}:
 *
 * <ul>
 *   <li><b>one by one</b>, the first 20 items (the second argument): each request waits for the one before,
 *       so 20 requests take 20 × 50 ms — one second, twenty requests per second, whatever the cores;</li>
 *   <li><b>{@code Pool.io(200)}</b>, all 1,000 items (the first argument): virtual threads, at most 200
 *       requests in flight (the cap protects the server, as asyncio's {@code Semaphore(200)} would), a 10 s
 *       timeout per request, and collect mode ({@link IoPool#mapOutcomes}): every request's
 *       {@link Outcome} — ok, failed or timed out — comes back, in input order. On the two-core machine this
 *       was written on, 1,000 requests took about 0.7 s: some 1,500 requests per second, 85 times the rate one
 *       by one. Five waves of 200 would take 0.25 s; the rest is CPU — client and server share the two cores,
 *       and the JIT is still compiling both (5,000 requests ran at 2,500 per second).</li>
 * </ul>
 *
 * The fetch function is plain blocking code — {@code client.send(...)} — with no {@code async} or {@code await}:
 * a virtual thread that waits for the network parks and frees its core for the others. A progress bar
 * ({@link ProgressBar#stderr()}) follows the fetches on stderr: redrawn in place on a terminal, a single summary
 * line when stderr is a file or a pipe.
 */
public final class Example09ManyRequestsInFlight {
    private static final long SERVER_DELAY_MILLIS = 50;
    private static final int IN_FLIGHT = 200;

    private Example09ManyRequestsInFlight() {
    }

    /** The server's one page: {@code /item/N} answers {@code item N}, after a delay. */
    static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                Thread.sleep(SERVER_DELAY_MILLIS); // a slow database behind the server
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            byte[] body = ("item " + path.substring(path.lastIndexOf('/') + 1)).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The I/O-bound task: one GET, plain blocking code. */
    static String fetch(HttpClient client, URI base, int item) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("item/" + item)).timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + request.uri() + " answered " + response.statusCode());
        }
        return response.body();
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int oneByOne = Math.min(requests, args.length > 1 ? Integer.parseInt(args[1]) : 20);

        // A backlog of 1,000 pending connections: 200 clients connecting at once must not overflow the default 50.
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1_000);
        ExecutorService serverThreads = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(serverThreads);
        server.createContext("/item/", Example09ManyRequestsInFlight::handle);
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        // HTTP/1.1: one connection per request in flight, as most HTTP servers and clients work.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try {
            System.out.printf(Locale.ROOT, "a local server at %s answers each request after %d ms%n", base,
                    SERVER_DELAY_MILLIS);

            long t0 = System.nanoTime();
            for (int i = 0; i < oneByOne; i++) {
                String body = fetch(client, base, i);
                if (!body.equals("item " + i)) {
                    throw new IllegalStateException("item " + i + " came back as '" + body + "'");
                }
            }
            long serialNanos = System.nanoTime() - t0;
            double serialRate = oneByOne / (serialNanos / 1e9);
            System.out.printf(Locale.ROOT, "  %-32s %,6d requests in %5.2f s  %,8.0f requests/s%n", "one by one",
                    oneByOne, serialNanos / 1e9, serialRate);

            List<Integer> items = IntStream.range(0, requests).boxed().toList();
            try (IoPool pool = IoPool.builder(IN_FLIGHT).timeout(Duration.ofSeconds(10)).build()) {
                MapOptions progress = MapOptions.defaults().withProgress(ProgressBar.stderr().withDescription("fetch"));
                long t1 = System.nanoTime();
                List<Outcome<String>> outcomes = pool.mapOutcomes(i -> fetch(client, base, i), items, progress);
                long nanos = System.nanoTime() - t1;
                double rate = requests / (nanos / 1e9);
                System.out.printf(Locale.ROOT, "  %-32s %,6d requests in %5.2f s  %,8.0f requests/s  %.0fx the rate one by"
                        + " one%n", pool, requests, nanos / 1e9, rate, rate / serialRate);
                report(outcomes);
            }
        } finally {
            client.close();
            server.stop(0);
            serverThreads.close();
        }
    }

    /** Counts the outcomes and checks every body against its item: the results come back in input order. */
    private static void report(List<Outcome<String>> outcomes) {
        int ok = 0;
        int failed = 0;
        int timedOut = 0;
        int inOrder = 0;
        Outcome<String> firstProblem = null;
        for (int i = 0; i < outcomes.size(); i++) {
            switch (outcomes.get(i)) {
                case Outcome.Ok<String> o -> {
                    ok++;
                    if (o.index() == i && o.value().equals("item " + i)) {
                        inOrder++;
                    }
                }
                case Outcome.Failed<String> f -> {
                    failed++;
                    firstProblem = firstProblem == null ? f : firstProblem;
                }
                case Outcome.TimedOut<String> t -> {
                    timedOut++;
                    firstProblem = firstProblem == null ? t : firstProblem;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%,d ok, %,d failed, %,d timed out; %,d bodies match their item in input order%n",
                ok, failed, timedOut, inOrder);
        if (firstProblem != null) {
            try {
                firstProblem.orElseThrow();
            } catch (RuntimeException e) {
                System.out.println("first problem: " + e.getMessage());
            }
        }
    }
}
