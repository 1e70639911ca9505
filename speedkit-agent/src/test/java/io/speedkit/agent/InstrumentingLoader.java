package io.speedkit.agent;

import io.speedkit.profiler.agent.AgentOptions;

import io.speedkit.probe.Functions;
import io.speedkit.profiler.data.FunctionKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;

/**
 * A child-first class loader for the test corpus: every class of the package {@value #TARGETS} — the
 * compiled target sources, or class files generated with ASM and handed in with {@link #with} — is run
 * through the real {@link Instrumenter} and defined here. Everything else (the JDK, speedkit's probe,
 * {@link Ticks}) comes from the parent and is never instrumented.
 *
 * <p>Classes of a class loader other than the boot loader are always verified by HotSpot
 * ({@code BytecodeVerificationRemote}), so every instrumented class is verified when it is linked;
 * {@link #load} initialises, and therefore links, the class it returns.
 *
 * <p>The instrumented code calls {@code io.speedkit.probe.Probe} — the real probe, which is on the test
 * class path — and registers its functions in the real {@link Functions} table, as premain does, minus
 * the boot-loader relocation.
 */
final class InstrumentingLoader extends ClassLoader {
    /** The package whose classes are loaded child-first and instrumented. */
    static final String TARGETS = "io.speedkit.agent.targets.";
    /** The probe as the test class path names it. */
    static final String PROBE = "io/speedkit/probe/Probe";

    private static final Set<String> JDK_PACKAGES = Agent.jdkPackages();

    private final Instrumenter instrumenter;
    private final Map<String, byte[]> generated = new HashMap<>();
    private final Map<String, Instrumenter.Result> results = Collections.synchronizedMap(new HashMap<>());
    private final Map<Integer, FunctionKey> registered = Collections.synchronizedMap(new HashMap<>());

    InstrumentingLoader() {
        this(AgentOptions.JdkCalls.DEFAULT);
    }

    InstrumentingLoader(AgentOptions.JdkCalls mode) {
        super("speedkit-instrumenting", InstrumentingLoader.class.getClassLoader());
        FunctionTable table = (file, line, name) -> {
            int id = Functions.register(file, line, name);
            registered.put(id, new FunctionKey(file, line, name));
            return id;
        };
        this.instrumenter = instrumenter(table, mode);
    }

    /** The instrumenter as premain builds it, with the test class path's probe and {@code table}. */
    static Instrumenter instrumenter(FunctionTable table, AgentOptions.JdkCalls mode) {
        return new Instrumenter(PROBE, table, new JdkCalls(JDK_PACKAGES, mode, table));
    }

    /** Adds a generated class file; its name must be in {@link #TARGETS}. */
    InstrumentingLoader with(byte[] classFile) {
        String name = new ClassReader(classFile).getClassName().replace('/', '.');
        if (!name.startsWith(TARGETS)) {
            throw new IllegalArgumentException(name + " is not in " + TARGETS + "; the loader would not instrument it");
        }
        generated.put(name, classFile);
        return this;
    }

    /** The class, instrumented, loaded and initialised (so verified). Short names are in {@link #TARGETS}. */
    Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(qualify(name), true, this);
    }

    /** The class, instrumented and loaded but not initialised: its static initialiser runs on first use. */
    Class<?> loadUninitialised(String name) throws ClassNotFoundException {
        return Class.forName(qualify(name), false, this);
    }

    /** Calls the static method {@code method} of a target class; its exception, if any, is rethrown as is. */
    Object call(String className, String method, Object... args) throws Throwable {
        Method m = find(load(className), method, args.length);
        m.setAccessible(true);
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Calls a constructor of a target class straight from (uninstrumented) test code, so that only the
     * constructor's own probes can close its frame; its exception, if any, is rethrown as is.
     */
    Object construct(String className, Object... args) throws Throwable {
        for (java.lang.reflect.Constructor<?> c : load(className).getDeclaredConstructors()) {
            if (c.getParameterCount() == args.length) {
                c.setAccessible(true);
                try {
                    return c.newInstance(args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new IllegalArgumentException(className + " has no constructor with " + args.length + " parameters");
    }

    /** Defines a class file as it is, in a throwaway loader: to show that a generated input is valid. */
    static Class<?> defineUninstrumented(byte[] classFile) {
        return new ClassLoader(InstrumentingLoader.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(null, classFile, 0, classFile.length);
            }
        }.define();
    }

    /** The instrumenter's result for a loaded class; null when it returned null (nothing to instrument). */
    Instrumenter.Result result(String name) {
        String q = qualify(name);
        if (!results.containsKey(q)) {
            throw new IllegalStateException(q + " was not loaded by this loader");
        }
        return results.get(q);
    }

    /** Every function this loader's classes registered, as the probe's table holds them. */
    List<FunctionKey> registered() {
        synchronized (registered) {
            return new ArrayList<>(registered.values());
        }
    }

    /** The registered functions with this name ({@code Point.new}...). */
    List<FunctionKey> registered(String functionName) {
        List<FunctionKey> out = new ArrayList<>();
        for (FunctionKey k : registered()) {
            if (k.name().equals(functionName)) {
                out.add(k);
            }
        }
        return out;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(TARGETS)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] original = generated.containsKey(name) ? generated.get(name) : resource(name);
                if (original == null) {
                    throw new ClassNotFoundException(name);
                }
                Instrumenter.Result r;
                try {
                    r = instrumenter.instrument(original);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("the instrumenter failed on " + name + ": " + e, e);
                }
                results.put(name, r);
                byte[] bytes = r == null ? original : r.bytes();
                c = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private byte[] resource(String name) {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String qualify(String name) {
        return name.startsWith(TARGETS) ? name : TARGETS + name;
    }

    private static Method find(Class<?> c, String name, int arity) {
        Method found = null;
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == arity) {
                if (found != null) {
                    throw new IllegalArgumentException(c.getName() + " has two methods " + name + " with " + arity + " parameters");
                }
                found = m;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(c.getName() + " has no method " + name + " with " + arity + " parameters");
        }
        return found;
    }
}
