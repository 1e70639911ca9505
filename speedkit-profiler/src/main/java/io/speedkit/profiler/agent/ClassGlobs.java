package io.speedkit.profiler.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Class-name patterns: {@code *} matches any characters (dots included, so {@code com.acme.*} covers
 * sub-packages), {@code ?} one character. Names are dotted ({@code com.acme.Foo$Bar}).
 */
public final class ClassGlobs {
    private final List<Pattern> patterns;

    private ClassGlobs(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    /**
     * @throws IllegalArgumentException for a glob with characters no class name has
     */
    public static ClassGlobs of(List<String> globs) {
        List<Pattern> out = new ArrayList<>();
        for (String g : globs) {
            out.add(compile(g));
        }
        return new ClassGlobs(out);
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** True when a pattern matches the dotted class name. */
    public boolean matches(String dottedName) {
        for (Pattern p : patterns) {
            if (p.matcher(dottedName).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Checks one glob, for the CLI's own validation. */
    public static void check(String glob) {
        compile(glob);
    }

    private static Pattern compile(String glob) {
        if (glob.isEmpty()) {
            throw new IllegalArgumentException("empty class glob; use a class-name pattern such as com.acme.*");
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '.' || c == '$') {
                re.append('\\').append(c);
            } else if (Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c)) {
                re.append(c);
            } else {
                throw new IllegalArgumentException("bad class glob '" + glob + "': '" + c
                        + "' cannot occur in a class name; use dotted names with * and ?, e.g. com.acme.*");
            }
        }
        return Pattern.compile(re.toString());
    }
}
