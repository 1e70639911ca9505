package io.speedkit.agent;

import io.speedkit.profiler.agent.ClassGlobs;

import java.util.List;
import java.util.Set;

/**
 * Which classes are instrumented: the program's and its libraries', not the JDK's, not speedkit's own
 * runtime, and — when the user asked — only those matching {@code include} and none matching
 * {@code exclude}.
 */
final class ClassFilter {
    /** speedkit's own code that runs inside the profiled JVM; instrumenting it would profile the profiler. */
    private static final List<String> OWN = List.of("io/speedkit/agent/", "io/speedkit/probe/", "io/speedkit/profiler/");

    private final Set<String> jdkPackages;
    private final ClassGlobs includes;
    private final ClassGlobs excludes;
    private final ClassLoader platform = ClassLoader.getPlatformClassLoader();

    ClassFilter(Set<String> jdkPackages, ClassGlobs includes, ClassGlobs excludes) {
        this.jdkPackages = jdkPackages;
        this.includes = includes;
        this.excludes = excludes;
    }

    boolean accepts(ClassLoader loader, String internalName) {
        if (loader == null || loader == platform || internalName == null) {
            return false; // the JDK's own loaders
        }
        for (String own : OWN) {
            if (internalName.startsWith(own)) {
                return false;
            }
        }
        int slash = internalName.lastIndexOf('/');
        if (slash > 0 && jdkPackages.contains(internalName.substring(0, slash))) {
            return false;
        }
        if (internalName.endsWith("module-info") || internalName.endsWith("package-info")) {
            return false;
        }
        if (includes.isEmpty() && excludes.isEmpty()) {
            return true;
        }
        String dotted = internalName.replace('/', '.');
        return (includes.isEmpty() || includes.matches(dotted)) && !excludes.matches(dotted);
    }
}
