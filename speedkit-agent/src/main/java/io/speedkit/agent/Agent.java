package io.speedkit.agent;

import io.speedkit.profiler.agent.AgentOptions;
import io.speedkit.profiler.agent.ClassGlobs;

import io.speedkit.probe.Control;
import io.speedkit.probe.Functions;
import io.speedkit.probe.Probe;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandles;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import org.objectweb.asm.ClassReader;

/**
 * premain: {@code java -javaagent:speedkit-agent.jar[=options] ...}.
 *
 * <p>Order matters, and each step is done before the next can need it:
 * <ol>
 *   <li>define the probe's classes (a jar nested in this one) in {@code java.lang}, in the boot loader,
 *       so that instrumented classes of every class loader and module reach the same probe: every loader
 *       delegates {@code java.*} to the boot loader and {@code java.base} exports {@code java.lang} to
 *       all. JaCoCo's technique; appending a jar to the boot class path instead would turn class-data
 *       sharing off for application classes, with a VM warning printed into the program's stderr;
 *   <li>warm the probe and the profile writer up: their classes load and link now, not inside a
 *       transform or a shutdown hook;
 *   <li>run the instrumenter once on a sample class, so ASM is loaded before the first real transform
 *       (class loading inside {@code transform()} is how agents deadlock);
 *   <li>only then register the transformer, and start recording when an output file was given.
 * </ol>
 */
public final class Agent {
    /** The probe's name once defined in the boot loader (speedkit-probe's "boot" jar renames it). */
    private static final String BOOT_PROBE = "java.lang.SpeedkitProbe";

    private Agent() {
    }

    public static void premain(String args, Instrumentation inst) {
        PrintStream err = System.err;
        AgentOptions options;
        try {
            options = AgentOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("speedkit: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            start(options, inst, err);
        } catch (Throwable t) {
            err.println("speedkit: the profiler could not start, the program runs without it: " + t);
        }
    }

    private static void start(AgentOptions options, Instrumentation inst, PrintStream err) throws IOException, IllegalAccessException {
        if (definedProbe() != null) {
            err.println("speedkit: the agent is already attached; ignoring the second -javaagent");
            return;
        }
        defineProbe(inst);
        Control.warmUp();
        ThreadLocalRandom.current(); // ConcurrentHashMap loads it lazily, under contention, maybe mid-transform

        String probe = Probe.class.getName().replace('.', '/');
        Set<String> jdk = jdkPackages();
        FunctionTable table = new ProbeFunctions();
        Instrumenter instrumenter = new Instrumenter(probe, table, new JdkCalls(jdk, options.jdkCalls(), table));
        warmUpInstrumenter(probe, jdk, options);
        ClassFilter filter = new ClassFilter(jdk, ClassGlobs.of(options.includes()), ClassGlobs.of(options.excludes()));

        if (options.command() != null) {
            Control.putFact("command", options.command());
        }
        Control.putFact("jdk.calls", options.jdkCalls().name().toLowerCase(java.util.Locale.ROOT));
        if (options.jdkCalls() == AgentOptions.JdkCalls.DEFAULT) {
            Control.putFact("jdk.calls.untimed", JdkCalls.TRIVIAL_DESCRIPTION);
        }
        inst.addTransformer(new ProfilingTransformer(instrumenter, filter, options.verbose(), err, Probe.class), false);
        if (options.output() != null) {
            Control.recordWholeProgram(options.output());
        }
    }

    /** The probe class if an agent defined it already (a second -javaagent), else null. */
    private static Class<?> definedProbe() {
        try {
            return Class.forName(BOOT_PROBE, false, null);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /**
     * Defines every class of the nested probe jar in {@code java.lang}. Opening {@code java.lang} to this
     * agent's module is what {@code Lookup.defineClass} there requires.
     *
     * <p>HAZARD: {@code defineClass} links the class at once, and when boot classes are verified
     * ({@code -Xverify:all}, {@code -XX:+BytecodeVerificationLocal}) the verifier looks up, by name, every
     * class of ours it must prove to be a subtype of something — {@code SaveOnExit} passed as a
     * {@code Thread}, the ThreadLocal subclass stored as a {@code ThreadLocal}. Nothing finds a class
     * that is not defined yet, so classes with a superclass other than {@code Object} go first; none of
     * them is itself used as another of our classes' subtype.
     */
    private static void defineProbe(Instrumentation inst) throws IOException, IllegalAccessException {
        Module base = Object.class.getModule();
        inst.redefineModule(base, Set.of(), Map.of(), Map.of("java.lang", Set.of(Agent.class.getModule())), Set.of(), Map.of());
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(Object.class, MethodHandles.lookup());
        List<byte[]> subtypes = new ArrayList<>();
        List<byte[]> others = new ArrayList<>();
        try (InputStream in = Agent.class.getResourceAsStream("speedkit-probe.jar")) {
            if (in == null) {
                throw new IllegalStateException("speedkit-probe.jar is missing from the agent jar; rebuild speedkit");
            }
            JarInputStream jar = new JarInputStream(in);
            for (JarEntry e = jar.getNextJarEntry(); e != null; e = jar.getNextJarEntry()) {
                if (e.getName().startsWith("java/lang/Speedkit") && e.getName().endsWith(".class")) {
                    byte[] bytes = jar.readAllBytes();
                    boolean plain = "java/lang/Object".equals(new ClassReader(bytes).getSuperName());
                    (plain ? others : subtypes).add(bytes);
                }
            }
        }
        for (byte[] c : subtypes) {
            lookup.defineClass(c);
        }
        for (byte[] c : others) {
            lookup.defineClass(c);
        }
    }

    /**
     * Packages of the JDK's modules, in internal form: every module of the runtime image, whichever loader
     * defines it — {@code jdk.compiler}, whose classes run {@code java App.java}, is defined by the
     * application class loader, yet it is the JDK's code, not the program's.
     */
    static Set<String> jdkPackages() {
        Set<String> out = new HashSet<>();
        for (ModuleReference m : ModuleFinder.ofSystem().findAll()) {
            for (String p : m.descriptor().packages()) {
                out.add(p.replace('.', '/'));
            }
        }
        return out;
    }

    /** Instruments a sample class with a throwaway function table: loads every ASM class the real work needs. */
    private static void warmUpInstrumenter(String probe, Set<String> jdk, AgentOptions options) throws IOException {
        FunctionTable scratch = new FunctionTable() {
            private int next;

            @Override
            public int register(String file, int line, String name) {
                return next++;
            }
        };
        Instrumenter warm = new Instrumenter(probe, scratch, new JdkCalls(jdk, options.jdkCalls(), scratch));
        try (InputStream in = Agent.class.getResourceAsStream("WarmUpSample.class")) {
            if (in != null) {
                warm.instrument(in.readAllBytes());
            }
        }
    }

    /** The probe's function table on the boot class path. */
    private static final class ProbeFunctions implements FunctionTable {
        @Override
        public int register(String file, int line, String name) {
            return Functions.register(file, line, name);
        }
    }
}
