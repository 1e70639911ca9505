package io.speedkit.timeit.snippet;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An exception the snippet threw in the measuring JVM, carried back to be printed against the
 * snippet's lines: the exception and its causes, each with the stack frames down to the snippet's
 * (the harness below it is left out).
 *
 * @param chain the exception, then its causes
 */
public record SnippetFailure(List<Thrown> chain) {
    /** At most this many frames above the snippet's are kept per exception. */
    static final int MAX_FRAMES = 12;

    public SnippetFailure {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a failure needs at least one exception");
        }
    }

    /**
     * One exception.
     *
     * @param description its {@code toString()}: class and message
     * @param frames      its frames, top first
     */
    public record Thrown(String description, List<Frame> frames) {
        public Thrown {
            Objects.requireNonNull(description, "description");
            frames = List.copyOf(frames);
        }
    }

    /**
     * A stack frame.
     *
     * @param text the frame as Java prints it, for frames outside the snippet
     * @param line the generated source's line for a frame of the snippet's class, else -1
     */
    public record Frame(String text, int line) {
        public Frame {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The failure of {@code t}, thrown by code of the generated classes named {@code generated} or starting with it. */
    public static SnippetFailure of(Throwable t, String generated) {
        List<Thrown> chain = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable c = t; c != null && seen.put(c, true) == null && chain.size() < 10; c = c.getCause()) {
            StackTraceElement[] st = c.getStackTrace();
            int last = -1;
            for (int i = 0; i < st.length; i++) {
                if (isGenerated(st[i], generated)) {
                    last = i;
                }
            }
            int end = st.length;
            if (last >= 0) {
                end = last + 1;
            } else {
                for (int i = 0; i < st.length; i++) {
                    if (st[i].getClassName().startsWith("io.speedkit.timeit.")) {
                        end = i; // the harness: not the user's business
                        break;
                    }
                }
            }
            List<Frame> frames = new ArrayList<>();
            for (int i = 0; i < end; i++) {
                if (end > MAX_FRAMES && i == MAX_FRAMES - 3) {
                    // a deep stack (a StackOverflowError): its top, and the bottom where the snippet is
                    frames.add(new Frame("... " + (end - MAX_FRAMES + 1) + " more", -1));
                    i = end - 3;
                    continue;
                }
                frames.add(new Frame(st[i].toString(), isGenerated(st[i], generated) ? st[i].getLineNumber() : -1));
            }
            chain.add(new Thrown(c.toString(), frames));
        }
        return new SnippetFailure(chain);
    }

    private static boolean isGenerated(StackTraceElement e, String generated) {
        String c = e.getClassName();
        return c.equals(generated) || c.startsWith(generated + "$");
    }

    /**
     * The exception as Java prints it, with the snippet's frames as {@code statement:2: <the line>}; the
     * generated loop's own frames are left out.
     */
    public String format(CompiledSnippet snippet) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < chain.size(); i++) {
            Thrown t = chain.get(i);
            b.append(i == 0 ? "" : "Caused by: ").append(t.description()).append('\n');
            for (Frame f : t.frames()) {
                if (f.text().startsWith("... ")) {
                    b.append('\t').append(f.text()).append('\n');
                } else if (f.line() < 0) {
                    b.append("\tat ").append(f.text()).append('\n');
                } else {
                    String where = snippet.where(f.line());
                    if (where != null) {
                        b.append("\tat ").append(where).append(": ").append(snippet.userLine(where).strip()).append('\n');
                    }
                }
            }
        }
        return b.toString();
    }
}
