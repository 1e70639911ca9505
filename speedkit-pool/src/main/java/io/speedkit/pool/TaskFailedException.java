package io.speedkit.pool;

import io.speedkit.pool.internal.Durations;
import io.speedkit.pool.internal.ValueText;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * An item's function failed (fail-fast mode, the default): the message names the item's index and value, the
 * {@linkplain #getCause() cause} is what the function threw, with its own stack trace, and the rest of the work
 * has been cancelled. For example:
 *
 * <pre>
 * item 17 (value 'users/42.json') failed: java.io.FileNotFoundException: users/42.json
 * item 3 (value (2, 0)) failed after 2 retries: java.lang.ArithmeticException: / by zero
 * item 8 (value 'https://example.org') timed out after 500 ms
 * </pre>
 *
 * A timed-out item's cause is a {@link TimeoutException}. The value is rendered like Python's {@code repr} and
 * cut at {@value ValueText#MAX} characters, so a huge or misbehaving {@code toString} cannot flood the message.
 * For {@link Async#gather} and {@link Async#firstSuccessful} the message says "task" instead of "item".
 */
public final class TaskFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final int CAUSE_MAX = 300;

    private final long index;
    private final String itemText;
    private final int retries;

    private TaskFailedException(String message, long index, String itemText, int retries, Throwable cause) {
        super(message, cause);
        this.index = index;
        this.itemText = itemText;
        this.retries = retries;
    }

    /**
     * The exception for item {@code index} whose value {@code item} is rendered safely (pass {@code null}
     * text through {@code itemText == null} when the value is not known).
     */
    TaskFailedException(long index, String itemText, int retries, Throwable cause) {
        this(message("item", index, itemText, retries, cause), index, itemText, retries, cause);
    }

    /** The exception for a failed item: {@code item} is rendered here. */
    public static TaskFailedException forItem(long index, Object item, int retries, Throwable cause) {
        return new TaskFailedException(index, ValueText.of(item), retries, cause);
    }

    /** The exception for a failed task of a gather or submit (no value to show). */
    public static TaskFailedException forTask(long index, int retries, Throwable cause) {
        return new TaskFailedException(message("task", index, null, retries, cause), index, null, retries, cause);
    }

    /** The exception for a hedge in which every task failed: the first failure is the cause, the rest suppressed. */
    public static TaskFailedException allFailed(int tasks, long firstIndex, Throwable first) {
        String message = String.format(java.util.Locale.ROOT, "all %d tasks failed; task %d failed first: %s",
                tasks, firstIndex, causeText(first));
        return new TaskFailedException(message, firstIndex, null, 0, first);
    }

    /** The cause recorded for an attempt that ran out of time. */
    public static TimeoutException timeout(Duration limit) {
        return new TimeoutException("timed out after " + Durations.text(limit));
    }

    /** The failed item's position in the input (or the task's position), from 0. */
    public long index() {
        return index;
    }

    /** The failed item rendered for the message ({@code 'text'}, {@code 42}, {@code (2, 0)}), or null if unknown. */
    public String itemText() {
        return itemText;
    }

    /** How many retries were used before the item gave up (0 without a {@link Retry} policy). */
    public int retries() {
        return retries;
    }

    private static String message(String what, long index, String itemText, int retries, Throwable cause) {
        StringBuilder b = new StringBuilder(what).append(' ').append(index);
        if (itemText != null) {
            b.append(" (value ").append(itemText).append(')');
        }
        if (cause instanceof TimeoutException && cause.getMessage() != null
                && cause.getMessage().startsWith("timed out after ")) {
            b.append(' ').append(cause.getMessage());
            if (retries > 0) {
                b.append(" (").append(retries).append(retries == 1 ? " retry)" : " retries)");
            }
            return b.toString();
        }
        b.append(" failed");
        if (retries > 0) {
            b.append(" after ").append(retries).append(retries == 1 ? " retry" : " retries");
        }
        return b.append(": ").append(causeText(cause)).toString();
    }

    private static String causeText(Throwable cause) {
        if (cause == null) {
            return "(no cause)";
        }
        String text = ValueText.oneLine(cause.toString());
        return text.length() <= CAUSE_MAX ? text : text.substring(0, CAUSE_MAX) + "…";
    }
}
