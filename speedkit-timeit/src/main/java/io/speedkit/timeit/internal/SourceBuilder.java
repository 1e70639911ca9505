package io.speedkit.timeit.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a generated source file out of the user's text and text of its own, remembering where every
 * piece came from, so that a position javac reports — or a line a stack trace names — maps back to the
 * user's setup or statement.
 */
public final class SourceBuilder {
    /** Where user text comes from. */
    public enum Section {
        SETUP("setup"), STATEMENT("statement");

        private final String label;

        Section(String label) {
            this.label = label;
        }

        /** {@code setup} or {@code statement}, as diagnostics name them. */
        public String label() {
            return label;
        }
    }

    /**
     * A piece of the generated text: user text copied from {@code userStart} on, or synthetic text that
     * belongs to the user's text at {@code userStart} ({@code -1}: to no user text).
     */
    private record Piece(int genStart, int genEnd, Section section, int userStart, boolean copied) {
    }

    /**
     * A position in the user's text.
     *
     * @param section setup or statement
     * @param offset  the character offset in that section's text
     */
    public record Origin(Section section, int offset) {
    }

    private final StringBuilder out = new StringBuilder();
    private final List<Piece> pieces = new ArrayList<>();

    /** Copies {@code text[from, to)} of the user's {@code section}. */
    public SourceBuilder user(Section section, String text, int from, int to) {
        int start = out.length();
        out.append(text, from, to);
        pieces.add(new Piece(start, out.length(), section, from, true));
        return this;
    }

    /** Adds generated text that stands for the user's {@code section} text at {@code anchor}. */
    public SourceBuilder synth(String text, Section section, int anchor) {
        int start = out.length();
        out.append(text);
        pieces.add(new Piece(start, out.length(), section, anchor, false));
        return this;
    }

    /** Adds scaffolding that belongs to no user text. */
    public SourceBuilder scaffold(String text) {
        int start = out.length();
        out.append(text);
        pieces.add(new Piece(start, out.length(), null, -1, false));
        return this;
    }

    /** Generated text so far. */
    public String text() {
        return out.toString();
    }

    /** Current length of the generated text. */
    public int length() {
        return out.length();
    }

    /**
     * The user position of generated offset {@code pos}: inside copied text exactly, inside synthetic text
     * its anchor; inside scaffolding, the nearest user text before it (or null if there is none).
     */
    public Origin origin(long pos) {
        Origin before = null;
        for (Piece p : pieces) {
            if (p.genEnd <= p.genStart) {
                continue;
            }
            if (pos < p.genStart) {
                break;
            }
            if (pos < p.genEnd) {
                if (p.section == null) {
                    return before;
                }
                return new Origin(p.section, p.copied ? p.userStart + (int) (pos - p.genStart) : p.userStart);
            }
            if (p.section != null) {
                before = new Origin(p.section, p.copied ? p.userStart + (p.genEnd - p.genStart) : p.userStart);
            }
        }
        return before;
    }

    /**
     * The user position that generated line {@code line} (from 1) stands for: the first user or
     * synthetic piece on it; null for a line of scaffolding only.
     */
    public Origin originOfLine(int line) {
        int start = 0;
        for (int l = 1; l < line; l++) {
            start = out.indexOf("\n", start);
            if (start < 0) {
                return null;
            }
            start++;
        }
        int end = out.indexOf("\n", start);
        end = end < 0 ? out.length() : end;
        for (Piece p : pieces) {
            if (p.genEnd <= start || p.section == null) {
                continue;
            }
            if (p.genStart >= end) {
                break;
            }
            int from = Math.max(start, p.genStart);
            // Skip blanks a copied piece has at the start of the line (indentation of the user's text).
            if (p.copied) {
                while (from < Math.min(end, p.genEnd) && Character.isWhitespace(out.charAt(from))) {
                    from++;
                }
                if (from >= Math.min(end, p.genEnd)) {
                    continue;
                }
                return new Origin(p.section, p.userStart + (from - p.genStart));
            }
            return new Origin(p.section, p.userStart);
        }
        return null;
    }
}
