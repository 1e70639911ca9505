package io.speedkit.timeit.snippet;

import java.util.List;

/**
 * The snippet does not compile. The message is javac's, against the snippet's own lines:
 * <pre>
 * statement:1: error: cannot find symbol
 * Math.sqrt(y)
 *           ^
 *   symbol:   variable y
 * 1 error
 * </pre>
 */
public final class SnippetCompileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<String> errors;

    SnippetCompileException(List<String> errors) {
        super(render(errors), null, false, false);
        this.errors = List.copyOf(errors);
    }

    /** Each error's block of lines, without the count at the end. */
    public List<String> errors() {
        return errors;
    }

    private static String render(List<String> errors) {
        StringBuilder b = new StringBuilder();
        for (String e : errors) {
            b.append(e).append('\n');
        }
        return b.append(errors.size()).append(errors.size() == 1 ? " error" : " errors").toString();
    }
}
