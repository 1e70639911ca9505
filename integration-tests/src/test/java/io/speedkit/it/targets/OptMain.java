package io.speedkit.it.targets;

/** Three classes for --include/--exclude: OptMain, OptHelper (both match Opt*) and Other (does not). */
public final class OptMain {
    private OptMain() {
    }

    static int twice(int x) {
        return 2 * x;
    }

    public static void main(String[] args) {
        int a = twice(OptHelper.help(1));
        int b = Other.work(a);
        System.out.println("result " + b);
    }
}

final class OptHelper {
    private OptHelper() {
    }

    static int help(int x) {
        return x + 1;
    }
}

final class Other {
    private Other() {
    }

    static int work(int x) {
        return x * 10;
    }
}
