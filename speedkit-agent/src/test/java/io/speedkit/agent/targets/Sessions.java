package io.speedkit.agent.targets;

import io.speedkit.agent.Ticks;

/** Calls that are in flight when a session starts or ends. */
public final class Sessions {
    private Sessions() {
    }

    public static void outer(Runnable hook) {       // calls=1
        Ticks.advance(1);
        inner(hook);
        Ticks.advance(100);
    }

    static void inner(Runnable hook) {              // calls=1
        Ticks.advance(2);
        hook.run();                                 // {method java.lang.Runnable.run} calls=1
        Ticks.advance(50);
        leaf();
    }

    static void leaf() {                            // calls=1
        Ticks.advance(7);
    }

    /** Entered before the session starts (its token says "not recorded"), then catches a JDK call's exception. */
    public static void catchAcrossEnable(Runnable enable) {   // calls=0: entered before the session
        enable.run();
        for (int i = 0; i < 3; i++) {
            try {
                Integer.parseInt("x");              // {built-in method java.lang.Integer.parseInt} calls=3
            } catch (NumberFormatException e) {
                // repair here gets this frame's token, which predates the session
            }
            leaf();                                 // calls=3, roots: this frame is not recorded
        }
    }

    public static void plain() {                    // calls=1
        Ticks.advance(3);
        leaf();
    }
}
