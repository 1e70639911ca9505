package io.speedkit.it.targets;

/** An exception thrown two frames down escapes main: exit code 1, every frame closed by its catch-all. */
public final class Uncaught {
    private Uncaught() {
    }

    static void a() {
        b();
    }

    static void b() {
        throw new IllegalStateException("uncaught on purpose");
    }

    public static void main(String[] args) {
        a();
    }
}
