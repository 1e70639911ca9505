package io.speedkit.agent;

import io.speedkit.profiler.agent.ClassGlobs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which classes the transformer instruments. */
class ClassFilterTest {
    private final ClassLoader app = ClassFilterTest.class.getClassLoader();

    private static ClassFilter filter(List<String> includes, List<String> excludes) {
        return new ClassFilter(Agent.jdkPackages(), ClassGlobs.of(includes), ClassGlobs.of(excludes));
    }

    @Test
    void accepts_programClassesOfAnApplicationLoader() {
        assertTrue(filter(List.of(), List.of()).accepts(app, "com/acme/Foo"));
        assertTrue(filter(List.of(), List.of()).accepts(app, "Top")); // default package
    }

    @Test
    void refuses_jdkLoadersJdkPackagesAndSpeedkitItself() {
        ClassFilter f = filter(List.of(), List.of());

        assertFalse(f.accepts(null, "com/acme/Foo"), "boot loader");
        assertFalse(f.accepts(ClassLoader.getPlatformClassLoader(), "com/acme/Foo"), "platform loader");
        assertFalse(f.accepts(app, "java/util/ArrayList"), "a JDK package, even from another loader");
        assertFalse(f.accepts(app, "io/speedkit/probe/Probe"));
        assertFalse(f.accepts(app, "io/speedkit/agent/internal/asm/ClassReader"));
        assertFalse(f.accepts(app, "io/speedkit/profiler/data/CallTree"));
        assertFalse(f.accepts(app, "com/acme/package-info"));
        assertFalse(f.accepts(app, "module-info"));
        assertFalse(f.accepts(app, null), "hidden and lambda classes come with a null name");
    }

    @Test
    void includeAndExclude_globsOnDottedNames() {
        ClassFilter f = filter(List.of("com.acme.*"), List.of("com.acme.gen.*"));

        assertTrue(f.accepts(app, "com/acme/Foo"));
        assertFalse(f.accepts(app, "com/acme/gen/Parser"));
        assertFalse(f.accepts(app, "org/other/Bar"));
        assertFalse(filter(List.of(), List.of("com.acme.*")).accepts(app, "com/acme/Foo"));
        assertTrue(filter(List.of(), List.of("com.acme.*")).accepts(app, "org/other/Bar"));
    }
}
