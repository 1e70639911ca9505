package io.speedkit.agent.targets;

import io.speedkit.agent.Ticks;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/** A java.lang.reflect.Proxy (generated, not instrumented here) calling an instrumented handler. */
public final class Proxies {
    private Proxies() {
    }

    public interface Greeter {
        int greet(int times);
    }

    static final class Handler implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {   // calls=1
            Ticks.advance(5);
            return (Integer) args[0] + 1;
        }
    }

    public static int run() {                       // calls=1
        Greeter g = (Greeter) Proxy.newProxyInstance(Greeter.class.getClassLoader(), new Class<?>[] {Greeter.class},
                new Handler());
        return g.greet(41);                         // owner Greeter: not timed; Handler.invoke is a child of run
    }
}
