package io.speedkit.it.targets;

/** Two jobs, run alone or together: {@code a} calls part(3) twice, {@code b} calls part(5) once and tail() twice. */
public final class Work {
    private Work() {
    }

    static int part(int n) {                        // a: calls=2, b: calls=1; ab: calls=3
        return n <= 0 ? 0 : n + part(n - 1) - part(n - 1) + 1;
    }

    static int tail() {                             // b: calls=2
        return 7;
    }

    public static void main(String[] args) {        // calls=1 per run
        int sum = 0;
        if (args[0].contains("a")) {
            sum += part(3) + part(3);
        }
        if (args[0].contains("b")) {
            sum += part(5) + tail() + tail();
        }
        System.out.println("sum " + sum);
    }
}
