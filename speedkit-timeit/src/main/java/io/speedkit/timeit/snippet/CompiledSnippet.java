package io.speedkit.timeit.snippet;

import io.speedkit.timeit.internal.SourceBuilder;
import io.speedkit.timeit.internal.SourceBuilder.Origin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snippet compiled to class files in memory, with the generated source and the map from its lines
 * back to the snippet's.
 */
public final class CompiledSnippet {
    private final Snippet snippet;
    private final SourceBuilder source;
    private final Map<String, byte[]> classes;
    private final List<String> fields;

    CompiledSnippet(Snippet snippet, SourceBuilder source, Map<String, byte[]> classes, List<String> fields) {
        this.snippet = snippet;
        this.source = source;
        this.classes = new LinkedHashMap<>(classes);
        this.fields = List.copyOf(fields);
    }

    /** The snippet this was compiled from. */
    public Snippet snippet() {
        return snippet;
    }

    /** The binary name of the generated class, a {@link SnippetBase}. */
    public String className() {
        return SnippetCompiler.CLASS_NAME;
    }

    /** The class files by binary name: the generated class and any nested or local classes of the snippet. */
    public Map<String, byte[]> classes() {
        return new LinkedHashMap<>(classes);
    }

    /** The generated Java source. */
    public String source() {
        return source.text();
    }

    /** The setup's variables as the fields they became, e.g. {@code double x}. */
    public List<String> fields() {
        return fields;
    }

    /**
     * Where line {@code line} of the generated source comes from, e.g. {@code statement:2}; null for a line
     * of the generated scaffolding.
     */
    public String where(int line) {
        Origin o = source.originOfLine(line);
        if (o == null) {
            return null;
        }
        String text = o.section() == SourceBuilder.Section.SETUP ? snippet.setup() : snippet.statement();
        return o.section().label() + ":" + SnippetCompiler.lineOf(text, o.offset());
    }

    /** The text of line {@code line} (from 1) of the snippet's setup or statement, as in {@code where}'s answer. */
    public String userLine(String where) {
        int colon = where.lastIndexOf(':');
        String text = where.startsWith(SourceBuilder.Section.SETUP.label() + ":") ? snippet.setup() : snippet.statement();
        String[] lines = text.split("\n", -1);
        int n = Integer.parseInt(where.substring(colon + 1));
        return n >= 1 && n <= lines.length ? lines[n - 1] : "";
    }
}
