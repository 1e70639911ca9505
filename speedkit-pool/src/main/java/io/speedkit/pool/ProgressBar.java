package io.speedkit.pool;

import io.speedkit.pool.internal.Durations;
import io.speedkit.pool.internal.ProgressFormat;
import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * tqdm for a pool: count, percentage, rate and ETA of a running map.
 *
 * <pre>{@code
 * pool.map(fn, items, MapOptions.defaults().withProgress(ProgressBar.stderr().withDescription("resize")));
 * }</pre>
 *
 * On a terminal it redraws one line in place, at most every 100 ms:
 * <pre>
 * resize:  45%|███████████▎             | 450/1000 [00:02&lt;00:03, 180.00it/s]
 * </pre>
 * Elsewhere (a log file, CI) it writes a plain line at most every 10 s, and one at the end:
 * <pre>
 * resize: 450/1000 45% [00:02&lt;00:03, 180.00it/s]
 * </pre>
 * An input of unknown length shows {@code 450it [00:02, 180.00it/s]} (give its length with
 * {@link MapOptions#withTotal(long)}); failed items add {@code , failed=3}. Numbers are formatted with
 * {@link java.util.Locale#ROOT}. The stream and the clock are injectable; the bar never starts a thread —
 * it draws when items complete. A bar follows one map at a time; {@link #started} resets it.
 */
public final class ProgressBar implements ProgressListener {
    private static final Duration TERMINAL_INTERVAL = Duration.ofMillis(100);
    private static final Duration PLAIN_INTERVAL = Duration.ofSeconds(10);

    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier clock;
    private final String description;
    private final long intervalNanos;
    private final boolean unicode;

    private final ReentrantLock drawing = new ReentrantLock();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile long total = -1;
    private volatile long start;
    private volatile long lastDraw;
    private int lastLength;

    private ProgressBar(PrintStream out, boolean terminal, LongSupplier clock, String description, long intervalNanos) {
        this.out = Objects.requireNonNull(out, "out");
        this.terminal = terminal;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.description = Objects.requireNonNull(description, "description");
        this.intervalNanos = intervalNanos;
        this.unicode = out.charset().newEncoder().canEncode("█▏▎▍▌▋▊▉");
    }

    /** A bar on {@code System.err}: redrawn in place if the program runs on a terminal, plain lines if not. */
    public static ProgressBar stderr() {
        return to(System.err, isTerminal());
    }

    /** A bar on {@code out}, in terminal style (one line redrawn with {@code \r}) or as plain lines. */
    public static ProgressBar to(PrintStream out, boolean terminal) {
        return new ProgressBar(out, terminal, System::nanoTime, "",
                Durations.saturatedNanos(terminal ? TERMINAL_INTERVAL : PLAIN_INTERVAL));
    }

    /** This bar with a label before the numbers (tqdm's {@code desc}). */
    public ProgressBar withDescription(String description) {
        return new ProgressBar(out, terminal, clock, description, intervalNanos);
    }

    /** This bar reading time from {@code nanoClock} (tests inject a fake one). */
    public ProgressBar withClock(LongSupplier nanoClock) {
        return new ProgressBar(out, terminal, nanoClock, description, intervalNanos);
    }

    /** This bar drawing at most once per {@code interval} (plus at the start and the end). */
    public ProgressBar withInterval(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative, got " + interval);
        }
        return new ProgressBar(out, terminal, clock, description, Durations.saturatedNanos(interval));
    }

    @Override
    public void started(long total) {
        drawing.lock();
        try {
            this.total = total;
            done.set(0);
            failed.set(0);
            long now = clock.getAsLong();
            start = now;
            lastDraw = now;
            lastLength = 0;
            if (terminal) {
                draw(now, false);
            }
        } finally {
            drawing.unlock();
        }
    }

    @Override
    public void completed(Outcome<?> outcome) {
        done.incrementAndGet();
        if (!outcome.isOk()) {
            failed.incrementAndGet();
        }
        long now = clock.getAsLong();
        if (now - lastDraw >= intervalNanos && drawing.tryLock()) {
            try {
                if (now - lastDraw >= intervalNanos) {
                    lastDraw = now;
                    draw(now, false);
                }
            } finally {
                drawing.unlock();
            }
        }
    }

    @Override
    public void finished() {
        drawing.lock();
        try {
            draw(clock.getAsLong(), true);
        } finally {
            drawing.unlock();
        }
    }

    /** Items completed so far. */
    public long count() {
        return done.get();
    }

    private void draw(long now, boolean last) {
        String line = ProgressFormat.line(description, done.get(), failed.get(), total, now - start, terminal, unicode);
        if (terminal) {
            StringBuilder b = new StringBuilder(line.length() + 8).append('\r').append(line);
            for (int i = line.length(); i < lastLength; i++) {
                b.append(' ');
            }
            lastLength = line.length();
            if (last) {
                b.append(System.lineSeparator());
            }
            out.print(b);
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** {@code System.console()}, and on JDK 22+ {@code Console.isTerminal()}, which also rules out redirection. */
    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method m = Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // JDK 21: a console exists only on a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
