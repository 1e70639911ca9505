package io.speedkit.it.targets;

/** System.exit(3) four frames deep: main → a → b → c → System.exit; all five frames are open at exit. */
public final class ExitDeep {
    private ExitDeep() {
    }

    static void a() {
        b();
    }

    static void b() {
        c();
    }

    static void c() {
        System.out.println("exiting");
        System.exit(3);
    }

    public static void main(String[] args) {
        a();
        System.out.println("never printed");
    }
}
