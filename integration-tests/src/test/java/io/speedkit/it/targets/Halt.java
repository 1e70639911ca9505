package io.speedkit.it.targets;

/** Ends with Runtime.halt(5): no shutdown hook runs, so no profile can be saved. */
public final class Halt {
    private Halt() {
    }

    public static void main(String[] args) {
        System.out.println("halting");
        System.out.flush();
        Runtime.getRuntime().halt(5);
    }
}
