package io.speedkit.pool.internal;

import java.util.Locale;

/**
 * tqdm's layout, piece by piece, always with {@link Locale#ROOT} (a comma-decimal locale must not turn
 * {@code 12.50it/s} into {@code 12,50it/s}):
 *
 * <pre>
 * terminal, known total:    fetch:  45%|███████████▎             | 450/1000 [00:02&lt;00:03, 180.00it/s, failed=3]
 * terminal, unknown total:  fetch: 450it [00:02, 180.00it/s]
 * plain line:               fetch: 450/1000 45% [00:02&lt;00:03, 180.00it/s, failed=3]
 * </pre>
 */
public final class ProgressFormat {
    /** How many cells the bar has. */
    public static final int BAR_WIDTH = 25;
    private static final String UNICODE_PARTS = " ▏▎▍▌▋▊▉";
    private static final char UNICODE_FULL = '█';
    private static final String ASCII_PARTS = " 123456789";
    private static final char ASCII_FULL = '#';

    private ProgressFormat() {
    }

    /** One rendering: {@code n} done ({@code failed} of them failed) of {@code total} (-1 = unknown) after {@code elapsedNanos}. */
    public static String line(String desc, long n, long failed, long total, long elapsedNanos, boolean terminal,
                              boolean unicode) {
        double elapsed = elapsedNanos / 1e9;
        double rate = elapsed > 0 && n > 0 ? n / elapsed : 0;
        StringBuilder b = new StringBuilder();
        if (!desc.isEmpty()) {
            b.append(desc).append(": ");
        }
        if (total < 0) {
            b.append(n).append("it [").append(clock(elapsed)).append(", ").append(rate(rate));
        } else {
            double frac = total == 0 ? 1.0 : Math.min(1.0, n / (double) total);
            int pct = (int) Math.floor(frac * 100);
            String remaining = rate > 0 ? clock(Math.max(0, total - n) / rate) : "?";
            if (terminal) {
                b.append(String.format(Locale.ROOT, "%3d%%|", pct)).append(bar(frac, unicode)).append("| ");
                b.append(n).append('/').append(total);
            } else {
                b.append(n).append('/').append(total).append(' ').append(pct).append('%');
            }
            b.append(" [").append(clock(elapsed)).append('<').append(remaining).append(", ").append(rate(rate));
        }
        if (failed > 0) {
            b.append(", failed=").append(failed);
        }
        return b.append(']').toString();
    }

    /** tqdm's interval: {@code 05:07}, or {@code 1:05:07} from an hour on. */
    public static String clock(double seconds) {
        long s = (long) seconds;
        long h = s / 3600;
        long m = s / 60 % 60;
        long sec = s % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec) : String.format(Locale.ROOT, "%02d:%02d", m, sec);
    }

    /** tqdm's rate: {@code 180.00it/s}, {@code  2.50s/it} below one item per second, {@code ?it/s} before any. */
    public static String rate(double perSecond) {
        if (perSecond <= 0) {
            return "?it/s";
        }
        if (perSecond < 1) {
            return String.format(Locale.ROOT, "%5.2fs/it", 1 / perSecond);
        }
        return String.format(Locale.ROOT, "%5.2fit/s", perSecond);
    }

    /** The bar: full cells, one partial cell in eighths (or tenths in ASCII), then blanks. */
    public static String bar(double frac, boolean unicode) {
        String parts = unicode ? UNICODE_PARTS : ASCII_PARTS;
        char full = unicode ? UNICODE_FULL : ASCII_FULL;
        double cells = Math.max(0, Math.min(1, frac)) * BAR_WIDTH;
        int whole = (int) cells;
        StringBuilder b = new StringBuilder(BAR_WIDTH);
        for (int i = 0; i < whole; i++) {
            b.append(full);
        }
        if (whole < BAR_WIDTH) {
            int part = (int) ((cells - whole) * parts.length());
            b.append(parts.charAt(part));
            while (b.length() < BAR_WIDTH) {
                b.append(' ');
            }
        }
        return b.toString();
    }
}
