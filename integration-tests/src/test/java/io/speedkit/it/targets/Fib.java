package io.speedkit.it.targets;

/** Naive recursive Fibonacci: fib(n) makes 2 * fib(n + 1) - 1 calls, one primitive: fib(25) 242785/1. */
public final class Fib {
    private Fib() {
    }

    static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        System.out.println("fib(" + n + ") = " + fib(n));
    }
}
