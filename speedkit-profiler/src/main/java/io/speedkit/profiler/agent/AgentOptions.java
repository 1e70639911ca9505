package io.speedkit.profiler.agent;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agent's options: the string after {@code -javaagent:speedkit-agent.jar=}. One class both renders
 * (for the CLI) and parses (in premain), so the two can never disagree.
 *
 * <p>Syntax: {@code key=value} pairs separated by commas; values are percent-encoded where they contain
 * {@code %}, {@code ,} or {@code =}. Keys:
 * <ul>
 *   <li>{@code output} — record the whole program and save the profile there at exit; without it the
 *       agent only instruments, and {@code io.speedkit.profiler.Profile} decides when to record;
 *   <li>{@code include}, {@code exclude} — class-name globs separated by {@code :} ({@code *} any
 *       characters, {@code ?} one), e.g. {@code com.acme.*:org.example.Main};
 *   <li>{@code jdkcalls} — which calls into the JDK are timed at their call site: {@code default}
 *       (all but a short list of trivial ones), {@code all} or {@code none};
 *   <li>{@code command} — the command line, recorded in the profile's metadata;
 *   <li>{@code verbose} — {@code true} to log every class left uninstrumented and why.
 * </ul>
 */
public final class AgentOptions {
    public static final String OUTPUT = "output";
    public static final String INCLUDE = "include";
    public static final String EXCLUDE = "exclude";
    public static final String JDK_CALLS = "jdkcalls";
    public static final String COMMAND = "command";
    public static final String VERBOSE = "verbose";

    private static final List<String> KEYS = List.of(OUTPUT, INCLUDE, EXCLUDE, JDK_CALLS, COMMAND, VERBOSE);

    /** Which calls into the JDK are timed at the call site. */
    public enum JdkCalls {
        DEFAULT, ALL, NONE;

        static JdkCalls parse(String s) {
            for (JdkCalls m : values()) {
                if (m.name().equalsIgnoreCase(s)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("jdkcalls must be default, all or none, got '" + s + "'");
        }
    }

    private final Map<String, String> values;

    private AgentOptions(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static AgentOptions empty() {
        return new AgentOptions(new LinkedHashMap<>());
    }

    /**
     * Parses an option string; null or empty gives the defaults.
     *
     * @throws IllegalArgumentException naming the bad key or value
     */
    public static AgentOptions parse(String s) {
        Map<String, String> map = new LinkedHashMap<>();
        if (s != null && !s.isEmpty()) {
            for (String pair : s.split(",", -1)) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("agent option '" + pair + "' is not key=value; valid keys: " + String.join(", ", KEYS));
                }
                String key = pair.substring(0, eq).toLowerCase(Locale.ROOT);
                if (!KEYS.contains(key)) {
                    throw new IllegalArgumentException("unknown agent option '" + key + "'; valid keys: " + String.join(", ", KEYS));
                }
                map.put(key, decode(pair.substring(eq + 1)));
            }
        }
        AgentOptions o = new AgentOptions(map);
        o.jdkCalls();
        ClassGlobs.of(o.list(INCLUDE));
        ClassGlobs.of(o.list(EXCLUDE));
        return o;
    }

    /** A copy with {@code key} set; a null value removes it. */
    public AgentOptions with(String key, String value) {
        if (!KEYS.contains(key)) {
            throw new IllegalArgumentException("unknown agent option '" + key + "'");
        }
        Map<String, String> copy = new LinkedHashMap<>(values);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new AgentOptions(copy);
    }

    /** The option string that {@link #parse} turns back into these options. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(e.getKey()).append('=').append(encode(e.getValue()));
        }
        return sb.toString();
    }

    public String output() {
        return values.get(OUTPUT);
    }

    public String command() {
        return values.get(COMMAND);
    }

    public boolean verbose() {
        return Boolean.parseBoolean(values.get(VERBOSE));
    }

    public JdkCalls jdkCalls() {
        String v = values.get(JDK_CALLS);
        return v == null ? JdkCalls.DEFAULT : JdkCalls.parse(v);
    }

    public List<String> includes() {
        return list(INCLUDE);
    }

    public List<String> excludes() {
        return list(EXCLUDE);
    }

    private List<String> list(String key) {
        String v = values.get(key);
        List<String> out = new ArrayList<>();
        if (v != null) {
            for (String s : v.split(":")) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c == '%' || c == ',' || c == '=' || c < 0x20 || c >= 0x7F) {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    private static String decode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (c == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("bad percent escape in agent option value '" + s + "'");
                }
                out.write(hi << 4 | lo);
                i += 3;
            } else {
                byte[] b = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                i += Character.charCount(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return render();
    }
}
