package io.speedkit.timeit.snippet;

import java.util.Objects;

/** The snippet threw an exception while it was timed; {@link #getMessage()} is the trace against its lines. */
public final class SnippetException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient SnippetFailure failure;

    SnippetException(SnippetFailure failure, CompiledSnippet snippet) {
        super(failure.format(snippet), null, false, false);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /** What was thrown. */
    public SnippetFailure failure() {
        return failure;
    }
}
