package io.speedkit.cli;

/** {@code speedkit}: the only place that calls {@link System#exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = new Cli(System.in, System.out, System.err, System.getenv(), true).run(args);
        System.exit(code);
    }
}
