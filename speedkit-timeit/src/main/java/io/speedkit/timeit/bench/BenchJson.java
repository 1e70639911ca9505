package io.speedkit.timeit.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON document of {@code speedkit bench --json}, for scripts: every measured run's raw numbers per
 * set, the summaries and ratios. Times are in seconds (exact decimals of the nanosecond measurements),
 * memory in bytes; a number the platform could not measure is {@code null}. The key names of a set's
 * summary follow hyperfine's {@code --export-json} ({@code mean}, {@code stddev}, {@code min},
 * {@code max}, {@code user}, {@code system}, {@code times}).
 *
 * <pre>{@code
 * {
 *   "format": "speedkit-bench",
 *   "version": 1,
 *   "launch": ["/jdk/bin/java"],
 *   "program": ["-cp", "classes", "com.acme.Main"],
 *   "warmup": 1,
 *   "runs": 10,
 *   "reference": 1,                         // the set ratios are relative to; null if every set failed
 *   "sets": [
 *     {
 *       "set": 1,
 *       "jvm_options": ["-Xint"],
 *       "label": "-Xint",
 *       "command": ["/jdk/bin/java", "-Xint", "-cp", "classes", "com.acme.Main"],
 *       "status": "ok",                     // or "failed"
 *       "failure": null,                    // or {"exit_code": 3, "warmup": false, "run": 4, "of": 10}
 *       "times": [2.34, ...],               // wall time of each measured run that succeeded
 *       "user_times": [...], "system_times": [...], "peak_rss_bytes": [...],
 *       "summary": {"runs": 10, "mean": ..., "stddev": ..., "min": ..., "max": ...,
 *                   "user": ..., "system": ..., "peak_rss_bytes": ...},      // null for a failed set
 *       "ratio": {"value": 2.53, "stddev": 0.04, "text": "2.53x slower"},  // null when not known
 *       "warnings": []
 *     }
 *   ]
 * }
 * }</pre>
 */
public final class BenchJson {
    /** The version of this document's layout; a script should check it. */
    public static final int VERSION = 1;

    private BenchJson() {
    }

    /** The document, ending with a newline. */
    public static String render(BenchResult result) {
        BenchPlan plan = result.plan();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "speedkit-bench");
        doc.put("version", VERSION);
        doc.put("launch", plan.launch());
        doc.put("program", plan.program());
        doc.put("warmup", plan.warmup());
        doc.put("runs", plan.runs());
        doc.put("reference", result.reference().map(SetResult::index).orElse(null));
        List<Object> sets = new ArrayList<>();
        for (SetResult s : result.sets()) {
            sets.add(set(result, s));
        }
        doc.put("sets", sets);
        return JsonWriter.write(doc);
    }

    private static Map<String, Object> set(BenchResult result, SetResult s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("set", s.index());
        m.put("jvm_options", s.set().options());
        m.put("label", s.set().label());
        m.put("command", s.command());
        m.put("status", s.failure().isPresent() ? "failed" : "ok");
        m.put("failure", s.failure().map(f -> {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("exit_code", f.exitCode());
            fm.put("warmup", f.warmup());
            fm.put("run", f.run());
            fm.put("of", f.of());
            return (Object) fm;
        }).orElse(null));
        List<Object> times = new ArrayList<>();
        List<Object> user = new ArrayList<>();
        List<Object> system = new ArrayList<>();
        List<Object> rss = new ArrayList<>();
        for (RunSample r : s.samples()) {
            times.add(JsonWriter.Num.seconds(r.wallNanos()));
            user.add(JsonWriter.Num.secondsOrNull(r.userNanos()));
            system.add(JsonWriter.Num.secondsOrNull(r.systemNanos()));
            rss.add(r.peakRssBytes() == RunSample.NOT_AVAILABLE ? null : r.peakRssBytes());
        }
        m.put("times", times);
        m.put("user_times", user);
        m.put("system_times", system);
        m.put("peak_rss_bytes", rss);
        m.put("summary", s.summary().map(BenchJson::summary).orElse(null));
        m.put("ratio", result.ratio(s).map(r -> {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("value", JsonWriter.Num.decimal(r.value(), 6));
            rm.put("stddev", JsonWriter.Num.decimal(r.stdev(), 6));
            rm.put("text", r.describe());
            return (Object) rm;
        }).orElse(null));
        m.put("warnings", s.summary().map(sum -> (Object) BenchReport.warnings(sum)).orElse(List.of()));
        return m;
    }

    private static Object summary(Summary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs", s.runs());
        m.put("mean", JsonWriter.Num.secondsOrNull(s.meanNanos()));
        m.put("stddev", JsonWriter.Num.secondsOrNull(s.stdevNanos()));
        m.put("min", JsonWriter.Num.seconds(s.minNanos()));
        m.put("max", JsonWriter.Num.seconds(s.maxNanos()));
        m.put("user", JsonWriter.Num.secondsOrNull(s.meanUserNanos()));
        m.put("system", JsonWriter.Num.secondsOrNull(s.meanSystemNanos()));
        m.put("peak_rss_bytes", s.peakRssBytes() == RunSample.NOT_AVAILABLE ? null : s.peakRssBytes());
        return m;
    }
}
