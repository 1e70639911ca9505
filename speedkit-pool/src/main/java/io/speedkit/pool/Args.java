package io.speedkit.pool;

import io.speedkit.pool.internal.ValueText;
import java.io.Serializable;

/**
 * Argument tuples for {@link Pool#starmap(Fn2, Iterable)}: Python's {@code pool.starmap(pow, [(2, 5), (3, 2)])}
 * is {@code pool.starmap(Math::pow, List.of(Args.of(2.0, 5.0), Args.of(3.0, 2.0)))}. They print as Python
 * tuples, {@code (2.0, 5.0)}, which is how a failed item is named in a {@link TaskFailedException}.
 */
public sealed interface Args extends Serializable permits Args.Two, Args.Three {

    /** A pair of arguments. */
    static <A, B> Two<A, B> of(A first, B second) {
        return new Two<>(first, second);
    }

    /** A triple of arguments. */
    static <A, B, C> Three<A, B, C> of(A first, B second, C third) {
        return new Three<>(first, second, third);
    }

    /** Two arguments; either may be null. */
    record Two<A, B>(A first, B second) implements Args {
        @Override
        public String toString() {
            return "(" + ValueText.element(first) + ", " + ValueText.element(second) + ")";
        }
    }

    /** Three arguments; any may be null. */
    record Three<A, B, C>(A first, B second, C third) implements Args {
        @Override
        public String toString() {
            return "(" + ValueText.element(first) + ", " + ValueText.element(second) + ", " + ValueText.element(third) + ")";
        }
    }
}
