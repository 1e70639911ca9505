package io.speedkit.profiler.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Class-name globs of the include and exclude options. */
class ClassGlobsTest {
    @Test
    void star_matchesAnyCharactersDotsIncluded() {
        ClassGlobs g = ClassGlobs.of(List.of("com.acme.*"));

        assertTrue(g.matches("com.acme.Foo"));
        assertTrue(g.matches("com.acme.sub.Bar$Inner"));
        assertFalse(g.matches("com.acme"));
        assertFalse(g.matches("com.acmex.Foo"), "the dot is literal");
        assertFalse(g.matches("org.com.acme.Foo"), "anchored at the start");
    }

    @Test
    void questionMark_matchesOneCharacter() {
        ClassGlobs g = ClassGlobs.of(List.of("com.acme.Fo?"));

        assertTrue(g.matches("com.acme.Foo"));
        assertFalse(g.matches("com.acme.Fooo"));
        assertFalse(g.matches("com.acme.Fo"));
    }

    @Test
    void exactName_doesNotMatchNestedClasses() {
        ClassGlobs g = ClassGlobs.of(List.of("org.example.Main", "org.example.Outer$*"));

        assertTrue(g.matches("org.example.Main"));
        assertFalse(g.matches("org.example.Main$1"));
        assertTrue(g.matches("org.example.Outer$Inner"), "$ is literal");
        assertFalse(g.matches("org.example.Outer"));
    }

    @Test
    void empty_matchesNothing() {
        ClassGlobs g = ClassGlobs.of(List.of());

        assertTrue(g.isEmpty());
        assertFalse(g.matches("com.acme.Foo"));
    }

    @Test
    void badCharacter_messageNamesGlobAndCharacter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassGlobs.of(List.of("com.acme.[A-Z]*")));

        assertEquals("bad class glob 'com.acme.[A-Z]*': '[' cannot occur in a class name; use dotted names with * and ?, "
                + "e.g. com.acme.*", e.getMessage());
    }

    @Test
    void emptyGlob_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassGlobs.check(""));

        assertEquals("empty class glob; use a class-name pattern such as com.acme.*", e.getMessage());
    }

    @Test
    void regexCharactersInNames_areNotRegex() {
        // A glob never becomes a regex: only * and ? are special, everything else is literal or refused.
        assertThrows(IllegalArgumentException.class, () -> ClassGlobs.check("com.acme.(Foo|Bar)"));
        assertThrows(IllegalArgumentException.class, () -> ClassGlobs.check("com.acme.Foo+"));
        assertTrue(ClassGlobs.of(List.of("_.\u00e9t\u00e9.*")).matches("_.\u00e9t\u00e9.Foo"), "Java identifiers are not ASCII only");
    }
}
