package io.speedkit.profiler.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The -javaagent option string: one class renders it (CLI) and parses it (premain). */
class AgentOptionsTest {
    private static final String VALID_KEYS = "valid keys: output, include, exclude, jdkcalls, command, verbose";

    @Test
    void parse_nullOrEmpty_givesDefaults() {
        for (String s : new String[] {null, ""}) {
            AgentOptions o = AgentOptions.parse(s);
            assertNull(o.output());
            assertNull(o.command());
            assertFalse(o.verbose());
            assertEquals(AgentOptions.JdkCalls.DEFAULT, o.jdkCalls());
            assertEquals(List.of(), o.includes());
            assertEquals(List.of(), o.excludes());
            assertEquals("", o.render());
        }
    }

    @Test
    void renderThenParse_roundTripsEveryValue() {
        AgentOptions o = AgentOptions.empty()
                .with(AgentOptions.OUTPUT, "/tmp/a,b=c%d é.prof")
                .with(AgentOptions.INCLUDE, "com.acme.*:org.example.Main")
                .with(AgentOptions.EXCLUDE, "com.acme.gen.*")
                .with(AgentOptions.JDK_CALLS, "all")
                .with(AgentOptions.COMMAND, "java -Dx=1,2 -jar app.jar\t--flag")
                .with(AgentOptions.VERBOSE, "true");

        AgentOptions back = AgentOptions.parse(o.render());

        assertEquals("/tmp/a,b=c%d é.prof", back.output());
        assertEquals(List.of("com.acme.*", "org.example.Main"), back.includes());
        assertEquals(List.of("com.acme.gen.*"), back.excludes());
        assertEquals(AgentOptions.JdkCalls.ALL, back.jdkCalls());
        assertEquals("java -Dx=1,2 -jar app.jar\t--flag", back.command());
        assertTrue(back.verbose());
        assertEquals(o.render(), back.render());
    }

    @Test
    void render_percentEncodesSeparatorsPercentAndNonAscii() {
        AgentOptions o = AgentOptions.empty().with(AgentOptions.OUTPUT, "a,b=c%d é\n");

        assertEquals("output=a%2Cb%3Dc%25d %C3%A9%0A", o.render());
    }

    @Test
    void parse_keysAreCaseInsensitiveValuesAreNot() {
        AgentOptions o = AgentOptions.parse("OUTPUT=Out.prof,JdkCalls=NONE,Verbose=TRUE");

        assertEquals("Out.prof", o.output());
        assertEquals(AgentOptions.JdkCalls.NONE, o.jdkCalls());
        assertTrue(o.verbose());
    }

    @Test
    void parse_unknownKey_namesItAndListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("outptu=x.prof"));

        assertEquals("unknown agent option 'outptu'; " + VALID_KEYS, e.getMessage());
    }

    @Test
    void parse_notKeyValue_namesThePair() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("output=x,verbose"));

        assertEquals("agent option 'verbose' is not key=value; " + VALID_KEYS, e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("output=x,")); // trailing comma
        assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("=x"));
    }

    @Test
    void parse_badJdkCallsValue_saysWhatIsAllowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("jdkcalls=some"));

        assertEquals("jdkcalls must be default, all or none, got 'some'", e.getMessage());
    }

    @Test
    void parse_badPercentEscape_isRefused() {
        for (String bad : new String[] {"output=%zz", "output=ab%", "output=ab%4"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("bad percent escape in agent option value '"), e.getMessage());
        }
        assertEquals("A", AgentOptions.parse("output=%41").output());
    }

    @Test
    void parse_badClassGlob_isRefusedAtParseTime() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AgentOptions.parse("include=com/acme/*"));

        assertEquals("bad class glob 'com/acme/*': '/' cannot occur in a class name; use dotted names with * and ?, e.g. com.acme.*",
                e.getMessage());
    }

    @Test
    void with_unknownKey_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentOptions.empty().with("outptu", "x"));

        assertTrue(e.getMessage().startsWith("unknown agent option 'outptu'"), e.getMessage());
    }

    @Test
    void with_nullValue_removesTheKey() {
        AgentOptions o = AgentOptions.parse("output=x.prof,verbose=true").with(AgentOptions.OUTPUT, null);

        assertEquals("verbose=true", o.render());
    }
}
