package io.speedkit.agent;

import io.speedkit.profiler.agent.AgentOptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.speedkit.profiler.data.FunctionKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Row names ({@link MethodNames}) and the function keys the instrumenter registers with them. */
class MethodNamesTest {
    @Test
    void name_constructorAndStaticInitialiser_readNewAndStatic() {
        assertEquals("Point.new", MethodNames.name("com/acme/Point", "<init>", "(II)V", false));
        assertEquals("Point.static", MethodNames.name("com/acme/Point", "<clinit>", "()V", false));
    }

    @Test
    void name_lambdaBodies_readAsMembersOfTheirEnclosingMethod() {
        assertEquals("Main.main.lambda$0", MethodNames.name("com/acme/Main", "lambda$main$0", "()V", false));
        assertEquals("Main.new.lambda$0", MethodNames.name("com/acme/Main", "lambda$new$0", "()V", false));
        assertEquals("Main.static.lambda$0", MethodNames.name("com/acme/Main", "lambda$static$0", "()V", false));
        assertEquals("Main.run.lambda$12", MethodNames.name("com/acme/Main", "lambda$run$12", "()V", false));
        assertEquals("Main.lambda$x", MethodNames.name("com/acme/Main", "lambda$x", "()V", false));
    }

    @Test
    void name_nestedAndAnonymousClasses_keepTheirBinaryNames() {
        assertEquals("Outer$Inner.run", MethodNames.name("com/acme/Outer$Inner", "run", "()V", false));
        assertEquals("Outer$1.get", MethodNames.name("com/acme/Outer$1", "get", "()Ljava/lang/Object;", false));
        assertEquals("Top.run", MethodNames.name("Top", "run", "()V", false)); // default package
    }

    @Test
    void className_generatedSuffixes_removed() {
        assertEquals("$Proxy", MethodNames.className("jdk/proxy1/$Proxy12"));
        assertEquals("$Proxy", MethodNames.className("com/sun/proxy/$Proxy0"));
        assertEquals("Foo$$EnhancerByCGLIB$$", MethodNames.className("com/acme/Foo$$EnhancerByCGLIB$$1a2b3c4d"));
        assertEquals("Foo$$EnhancerBySpringCGLIB$$", MethodNames.className("com/acme/Foo$$EnhancerBySpringCGLIB$$ab12"));
        assertEquals("Foo$$FastClassByCGLIB$$", MethodNames.className("com/acme/Foo$$FastClassByCGLIB$$9f"));
        assertEquals("Foo$ByteBuddy$", MethodNames.className("com/acme/Foo$ByteBuddy$n4K2hXbU"));
        assertEquals("Main$$Lambda", MethodNames.className("com/acme/Main$$Lambda$14"));
        assertEquals("Foo$Bar", MethodNames.className("com/acme/Foo$Bar"));
    }

    @Test
    void name_withParameters_listsSimpleTypeNames() {
        assertEquals("Foo.f(int, String, long[], Map$Entry)",
                MethodNames.name("com/acme/Foo", "f", "(ILjava/lang/String;[JLjava/util/Map$Entry;)V", true));
        assertEquals("Foo.new()", MethodNames.name("com/acme/Foo", "<init>", "()V", true));
    }

    @Test
    void file_packagePathAndSourceFile() {
        assertEquals("com/acme/Foo.java", MethodNames.file("com/acme/Foo", "Foo.java"));
        assertEquals("com/acme/Foo.java", MethodNames.file("com/acme/Foo$Bar", "Foo.java"));
        assertEquals("com/acme/Foo.kt", MethodNames.file("com/acme/FooKt", "Foo.kt"));
        // no SourceFile attribute: the class file is all there is
        assertEquals("com/acme/Foo$Bar.class", MethodNames.file("com/acme/Foo$Bar", null));
        assertEquals("Foo.class", MethodNames.file("Foo", null));
        // a source file named by a path already (Jython): not prefixed twice
        assertEquals("json/encoder.py", MethodNames.file("json/encoder$py", "json/encoder.py"));
    }

    /**
     * BUG: the file part of a JDK proxy's key keeps the run-dependent counter. Proxy classes have no
     * SourceFile attribute, and {@code MethodNames.file} derives the file from the class name up to its
     * first '$' — which for {@code $Proxy12} is at index 0 — so the key is {@code jdk/proxy1/$Proxy12.java}
     * while the name is normalised to {@code $Proxy.greet}: the same method gets a different key in
     * every run, so two runs' rows do not line up (which is what the name normalisation is for).
     */
    @Test
    void file_proxyWithoutSourceFile_dropsTheChangingSuffix() {
        assertEquals("jdk/proxy1/$Proxy.class", MethodNames.file("jdk/proxy1/$Proxy12", null));
    }

    @Test
    void register_javaTargets_keysAreFileLineAndName() throws Throwable {
        InstrumentingLoader loader = new InstrumentingLoader();
        loader.load("Point");
        loader.load("Lambdas");
        loader.load("Outer");
        loader.load("Outer$Inner");
        loader.load("Outer$Nested");

        String file = "io/speedkit/agent/targets/Point.java";
        assertTrue(loader.registered().contains(new FunctionKey(file, 10, "Point.new")), loader.registered().toString());
        assertTrue(loader.registered().contains(new FunctionKey(file, 17, "Point.new")));
        List<String> lambdas = names(loader, "Lambdas");
        assertEquals(List.of("Lambdas.main", "Lambdas.main.lambda$0", "Lambdas.new", "Lambdas.new.lambda$0",
                "Lambdas.static", "Lambdas.static.lambda$0"), lambdas);
        for (FunctionKey k : loader.registered()) {
            if (k.name().startsWith("Outer$")) {
                assertEquals("io/speedkit/agent/targets/Outer.java", k.file(), k.toString());
            }
        }
        assertEquals(1, loader.registered("Outer$Inner.value").size());
        assertEquals(1, loader.registered("Outer$Nested.value").size());
    }

    @Test
    void register_overloadsOnOneLine_getParameterLists() throws Throwable {
        InstrumentingLoader loader = new InstrumentingLoader();
        loader.load("OneLiners");

        assertEquals(List.of("OneLiners.f(String)", "OneLiners.f(int)", "OneLiners.g", "OneLiners.g", "OneLiners.new"),
                names(loader, "OneLiners"));
    }

    @Test
    void register_noLineNumbersNoSourceFile_lineZeroAndFileIsTheClassFile() throws Throwable {
        InstrumentingLoader loader = new InstrumentingLoader().with(GeneratedClasses.overloadsWithoutLines());
        loader.load(GeneratedClasses.binaryName("Overloads"));

        String file = "io/speedkit/agent/targets/gen/Overloads.class"; // no SourceFile: the class file
        // Every method is on "line 0", so f's overloads clash and are told apart by their parameters.
        assertTrue(loader.registered().contains(new FunctionKey(file, 0, "Overloads.f(int)")), loader.registered().toString());
        assertTrue(loader.registered().contains(new FunctionKey(file, 0, "Overloads.f(String)")));
        assertTrue(loader.registered().contains(new FunctionKey(file, 0, "Overloads.g")));
    }

    @Test
    void register_proxyNamedClass_normalisesTheName() {
        List<FunctionKey> keys = new ArrayList<>();
        Instrumenter instrumenter = InstrumentingLoader.instrumenter((f, l, n) -> {
            keys.add(new FunctionKey(f, l, n));
            return keys.size() - 1;
        }, AgentOptions.JdkCalls.DEFAULT);
        instrumenter.instrument(GeneratedClasses.proxyNamed());

        assertEquals(1, keys.size());
        assertEquals("$Proxy.greet", keys.get(0).name());
        assertEquals(0, keys.get(0).line());
    }

    private static List<String> names(InstrumentingLoader loader, String simpleClass) {
        List<String> out = new ArrayList<>();
        for (FunctionKey k : loader.registered()) {
            if (k.name().startsWith(simpleClass + ".")) {
                out.add(k.name());
            }
        }
        out.sort(null);
        return out;
    }
}
