package io.speedkit.agent.targets;

import io.speedkit.agent.Ticks;

/** A constructor whose super constructor is Thread's; run() is recorded on the new thread. */
public final class Worker extends Thread {
    public Worker() {                               // calls=1
        super("speedkit-worker");                   // {method java.lang.Thread.new} calls=1
    }

    @Override
    public void run() {                             // calls=1, on thread speedkit-worker
        Ticks.advance(3);
    }
}
