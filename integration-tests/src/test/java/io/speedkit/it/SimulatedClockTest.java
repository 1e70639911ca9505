package io.speedkit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The whole of cProfile's counting, checked against numbers derived by hand. The target program
 * {@link io.speedkit.it.targets.Sim} records itself with the in-process API, {@code new Profile(Sim::now, 1.0)},
 * under a plain {@code -javaagent:<agent jar>}: its clock is a static counter {@code t} that only the program
 * advances ({@code t += k}), one tick being one second. The probe reads the clock once when a frame is entered
 * and once when it is left, JDK call-site frames included, so a frame's time is exactly the ticks added while it
 * was open: its own {@code t += k} plus its callees'.
 *
 * <h2>The run, tick by tick (t starts at 0 when the profile is enabled)</h2>
 * <pre>
 * run            enter 0   +1 -> 1
 *  a             enter 1   +1 -> 2
 *   fact(2)      enter 2   +1 -> 3
 *    fact(1)     enter 3   +1 -> 4
 *     fact(0)    enter 4   +1 -> 5   exit 5   total 1
 *    fact(1)                         exit 5   total 2
 *   fact(2)                          exit 5   total 3
 *  a                                 exit 5   total 4
 *  b             enter 5   +2 -> 7
 *   fact(1)      enter 7   +1 -> 8
 *    fact(0)     enter 8   +1 -> 9   exit 9   total 1
 *   fact(1)                          exit 9   total 2
 *  b                                 exit 9   total 4
 *  even(3)       enter 9   +1 -> 10
 *   odd(2)       enter 10  +2 -> 12
 *    even(1)     enter 12  +1 -> 13
 *     odd(0)     enter 13  +2 -> 15  exit 15  total 2   (returns false)
 *    even(1)                         exit 15  total 3
 *   odd(2)                           exit 15  total 5
 *  even(3)                           exit 15  total 6
 *  safe          enter 15  +1 -> 16
 *   risky        enter 16  +1 -> 17
 *    explode     enter 17  +2 -> 19
 *     Boom.new   enter 19
 *      {RuntimeException.new}  enter 19, exit 19  total 0   (the super(...) call, a JDK call site)
 *                          +1 -> 20  exit 20  total 1
 *    explode     throws: its catch-all exits at 20   total 3
 *   risky        the Boom passes: its catch-all exits at 20   total 4   ("t += 100" never runs)
 *  safe          catch (Boom): +3 -> 23          exit 23  total 8
 *  sortThree     enter 23  +1 -> 24
 *   {List.sort}  enter 24: TimSort of [3, 1, 2] compares 4 times (countRun: (1,3) (2,1); binarySort of 2
 *                into [1, 3]: (2,3) (2,1)); each comparison is sortThree.lambda$0, +1 each -> 28  exit 28  total 4
 *  sortThree                         exit 28  total 5
 *  sortBad       enter 28  +1 -> 29
 *   {List.sort}  enter 29: the first comparison calls sortBad.lambda$0 (javac numbers lambdas per method)
 *    lambda      enter 29  +2 -> 31
 *     Boom.new   enter 31  ({RuntimeException.new} 31..31, total 0)  +1 -> 32  exit 32  total 1
 *    lambda      throws: its catch-all exits at 32   total 3
 *   {List.sort}  the Boom crosses the JDK's sort (not recorded) and reaches sortBad's catch (Boom), whose
 *                first instruction, Probe.repair, closes the still open JDK frame at 32   total 3
 *  sortBad       catch: +1 -> 33     exit 33  total 5
 *  run           +1 -> 34                     exit 34  total 34
 * </pre>
 *
 * <h2>Per function (tottime = own ticks; cumtime = totals of outermost activations)</h2>
 * <pre>
 * function           ncalls  tottime            cumtime                    percall: tt/nc, ct/cc
 * run                1       2 (1+1)            34                         2, 34
 * a                  1       1                  4                          1, 4
 * b                  1       2                  4                          2, 4
 * fact               5/2     5 (1 per call)     3 (fact(2) in a) + 2 (fact(1) in b) = 5     1, 2.5
 *                    (fact(1), fact(0) in a and fact(0) in b run under another fact: 3 recursive calls)
 * even               2/1     2                  6 (even(3); even(1) runs under even(3))     1, 6
 * odd                2/1     4 (2+2)            5 (odd(2); odd(0) runs under odd(2))        2, 5
 * safe               1       4 (1+3)            8                          4, 8
 * risky              1       1                  4                          1, 4
 * explode            1       2                  3                          2, 3
 * sortThree          1       1                  5                          1, 5
 * sortThree.lambda$0 4       4                  4 (each call outermost)    1, 1
 * sortBad            1       2 (1+1)            5                          2, 5
 * sortBad.lambda$0   1       2                  3                          2, 3
 * Sim$Boom.new       2       2                  2                          1, 1
 * RuntimeException.new  2    0                  0                          0, 0
 * List.sort          2       0 (4-4, 3-3)       4 + 3 = 7                  0, 3.5
 * </pre>
 * Header: 28 calls; primitive = 28 - 3 (fact) - 1 (even) - 1 (odd) = 23; Σ tottime = 34.
 *
 * <h2>Edges (caller → callee: count, the callee's tottime and cumtime along that edge)</h2>
 * An edge's call is recursive when the same (caller, callee) pair is already on the stack above it
 * ({@code _lsprof}'s per-edge recursion level).
 * <pre>
 * run → a 1, 1, 4        run → b 1, 2, 4        run → even 1, 1, 6      run → safe 1, 4, 8
 * run → sortThree 1, 1, 5                        run → sortBad 1, 2, 5
 * a → fact 1, 1, 3       b → fact 1, 1, 2
 * fact → fact  3/2: fact(1) under fact(2) (primitive), fact(0) under fact(1) under fact(2) (the pair fact→fact
 *              is already on the stack: recursive), fact(0) under b's fact(1) (primitive); tottime 1+1+1 = 3;
 *              cumtime of the primitive ones 2 + 1 = 3
 * even → odd   2/1: odd(2) primitive, odd(0) recursive (even→odd already on the stack); tottime 4; cumtime 5
 * odd → even   1: even(1), the first odd→even on its stack; 1, 3
 * safe → risky 1, 1, 4   risky → explode 1, 2, 3   explode → Boom.new 1, 1, 1
 * sortThree → List.sort 1, 0, 4    List.sort → sortThree.lambda$0 4, 4, 4
 * sortBad → List.sort 1, 0, 3      List.sort → sortBad.lambda$0 1, 2, 3     sortBad.lambda$0 → Boom.new 1, 1, 1
 * Boom.new → RuntimeException.new 2, 0, 0
 * </pre>
 *
 * <h2>Layout</h2>
 * pstats' print_stats, print_callers, print_callees (reference §1.7). Sorted by standard name, the printed
 * names compare as strings, so {@code Sim.java:101(Sim$Boom.new)} comes before {@code Sim.java:20(Sim.run)}
 * ("1" &lt; "2"), and {@code {...}} after {@code io/...}. Sorted by cumulative time, ties keep the key order
 * (file, line, name): fact (41) comes before odd, sortThree and sortBad, which have cumtime 5 too. The
 * callers/callees entries of one function are sorted by key, lines compared as numbers (explode, 73,
 * before sortBad.lambda$0, 89). Column width: the longest name,
 * {@code io/speedkit/it/targets/Sim.java:80(Sim.sortThree.lambda$0)}, 58 characters, plus 2 = 60. A function
 * without callers (run) or callees prints its arrow and one space.
 *
 * <p>The first line of a method is the smallest line of its code ({@code Sim.java}'s line numbers are part
 * of the expected text: edit that file and this text together).
 */
class SimulatedClockTest {

    private static final String F = "io/speedkit/it/targets/Sim.java";

    @Test
    void simulatedClock_printsHandDerivedReport() {
        ForkedJvm.Result r = ForkedJvm.java("-javaagent:" + Artifacts.agent(), "-cp", Artifacts.targetsClassPath(),
                "io.speedkit.it.targets.Sim").run();
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("", r.stderr(), "the agent prints nothing when all goes well");
        assertEquals(expected(), r.stdout());
    }

    static String expected() {
        String header = "         28 function calls (23 primitive calls) in 34.000 seconds\n\n";
        String title = "   ncalls  tottime  percall  cumtime  percall filename:lineno(function)\n";
        String pad60 = " ".repeat(60);
        return header
                + "   Ordered by: standard name\n\n"
                + title
                + "        2    2.000    1.000    2.000    1.000 " + F + ":101(Sim$Boom.new)\n"
                + "        1    2.000    2.000   34.000   34.000 " + F + ":20(Sim.run)\n"
                + "        1    1.000    1.000    4.000    4.000 " + F + ":31(Sim.a)\n"
                + "        1    2.000    2.000    4.000    4.000 " + F + ":36(Sim.b)\n"
                + "      5/2    5.000    1.000    5.000    2.500 " + F + ":41(Sim.fact)\n"
                + "      2/1    2.000    1.000    6.000    6.000 " + F + ":48(Sim.even)\n"
                + "      2/1    4.000    2.000    5.000    5.000 " + F + ":53(Sim.odd)\n"
                + "        1    4.000    4.000    8.000    8.000 " + F + ":58(Sim.safe)\n"
                + "        1    1.000    1.000    4.000    4.000 " + F + ":67(Sim.risky)\n"
                + "        1    2.000    2.000    3.000    3.000 " + F + ":73(Sim.explode)\n"
                + "        1    1.000    1.000    5.000    5.000 " + F + ":78(Sim.sortThree)\n"
                + "        4    4.000    1.000    4.000    1.000 " + F + ":80(Sim.sortThree.lambda$0)\n"
                + "        1    2.000    2.000    5.000    5.000 " + F + ":86(Sim.sortBad)\n"
                + "        1    2.000    2.000    3.000    3.000 " + F + ":89(Sim.sortBad.lambda$0)\n"
                + "        2    0.000    0.000    0.000    0.000 {method java.lang.RuntimeException.new}\n"
                + "        2    0.000    0.000    7.000    3.500 {method java.util.List.sort}\n"
                + "\n\n"
                + header
                + "   Ordered by: cumulative time\n"
                + "   List reduced from 16 to 5 due to restriction <5>\n\n"
                + title
                + "        1    2.000    2.000   34.000   34.000 " + F + ":20(Sim.run)\n"
                + "        1    4.000    4.000    8.000    8.000 " + F + ":58(Sim.safe)\n"
                + "        2    0.000    0.000    7.000    3.500 {method java.util.List.sort}\n"
                + "      2/1    2.000    1.000    6.000    6.000 " + F + ":48(Sim.even)\n"
                + "      5/2    5.000    1.000    5.000    2.500 " + F + ":41(Sim.fact)\n"
                + "\n\n"
                // print_callers
                + "   Ordered by: standard name\n\n"
                + "Function                                                    was called by...\n"
                + pad60 + "    ncalls  tottime  cumtime\n"
                + F + ":101(Sim$Boom.new)           <-       1    1.000    1.000  " + F + ":73(Sim.explode)\n"
                + pad60 + "         1    1.000    1.000  " + F + ":89(Sim.sortBad.lambda$0)\n"
                + F + ":20(Sim.run)                 <- \n"
                + F + ":31(Sim.a)                   <-       1    1.000    4.000  " + F + ":20(Sim.run)\n"
                + F + ":36(Sim.b)                   <-       1    2.000    4.000  " + F + ":20(Sim.run)\n"
                + F + ":41(Sim.fact)                <-       1    1.000    3.000  " + F + ":31(Sim.a)\n"
                + pad60 + "         1    1.000    2.000  " + F + ":36(Sim.b)\n"
                + pad60 + "       3/2    3.000    3.000  " + F + ":41(Sim.fact)\n"
                + F + ":48(Sim.even)                <-       1    1.000    6.000  " + F + ":20(Sim.run)\n"
                + pad60 + "         1    1.000    3.000  " + F + ":53(Sim.odd)\n"
                + F + ":53(Sim.odd)                 <-     2/1    4.000    5.000  " + F + ":48(Sim.even)\n"
                + F + ":58(Sim.safe)                <-       1    4.000    8.000  " + F + ":20(Sim.run)\n"
                + F + ":67(Sim.risky)               <-       1    1.000    4.000  " + F + ":58(Sim.safe)\n"
                + F + ":73(Sim.explode)             <-       1    2.000    3.000  " + F + ":67(Sim.risky)\n"
                + F + ":78(Sim.sortThree)           <-       1    1.000    5.000  " + F + ":20(Sim.run)\n"
                + F + ":80(Sim.sortThree.lambda$0)  <-       4    4.000    4.000  {method java.util.List.sort}\n"
                + F + ":86(Sim.sortBad)             <-       1    2.000    5.000  " + F + ":20(Sim.run)\n"
                + F + ":89(Sim.sortBad.lambda$0)    <-       1    2.000    3.000  {method java.util.List.sort}\n"
                + "{method java.lang.RuntimeException.new}                     <-       2    0.000    0.000  " + F + ":101(Sim$Boom.new)\n"
                + "{method java.util.List.sort}                                <-       1    0.000    4.000  " + F + ":78(Sim.sortThree)\n"
                + pad60 + "         1    0.000    3.000  " + F + ":86(Sim.sortBad)\n"
                + "\n\n"
                // print_callees
                + "   Ordered by: standard name\n\n"
                + "Function                                                    called...\n"
                + pad60 + "    ncalls  tottime  cumtime\n"
                + F + ":101(Sim$Boom.new)           ->       2    0.000    0.000  {method java.lang.RuntimeException.new}\n"
                + F + ":20(Sim.run)                 ->       1    1.000    4.000  " + F + ":31(Sim.a)\n"
                + pad60 + "         1    2.000    4.000  " + F + ":36(Sim.b)\n"
                + pad60 + "         1    1.000    6.000  " + F + ":48(Sim.even)\n"
                + pad60 + "         1    4.000    8.000  " + F + ":58(Sim.safe)\n"
                + pad60 + "         1    1.000    5.000  " + F + ":78(Sim.sortThree)\n"
                + pad60 + "         1    2.000    5.000  " + F + ":86(Sim.sortBad)\n"
                + F + ":31(Sim.a)                   ->       1    1.000    3.000  " + F + ":41(Sim.fact)\n"
                + F + ":36(Sim.b)                   ->       1    1.000    2.000  " + F + ":41(Sim.fact)\n"
                + F + ":41(Sim.fact)                ->     3/2    3.000    3.000  " + F + ":41(Sim.fact)\n"
                + F + ":48(Sim.even)                ->     2/1    4.000    5.000  " + F + ":53(Sim.odd)\n"
                + F + ":53(Sim.odd)                 ->       1    1.000    3.000  " + F + ":48(Sim.even)\n"
                + F + ":58(Sim.safe)                ->       1    1.000    4.000  " + F + ":67(Sim.risky)\n"
                + F + ":67(Sim.risky)               ->       1    2.000    3.000  " + F + ":73(Sim.explode)\n"
                + F + ":73(Sim.explode)             ->       1    1.000    1.000  " + F + ":101(Sim$Boom.new)\n"
                + F + ":78(Sim.sortThree)           ->       1    0.000    4.000  {method java.util.List.sort}\n"
                + F + ":80(Sim.sortThree.lambda$0)  -> \n"
                + F + ":86(Sim.sortBad)             ->       1    0.000    3.000  {method java.util.List.sort}\n"
                + F + ":89(Sim.sortBad.lambda$0)    ->       1    1.000    1.000  " + F + ":101(Sim$Boom.new)\n"
                + "{method java.lang.RuntimeException.new}                     -> \n"
                + "{method java.util.List.sort}                                ->       4    4.000    4.000  " + F + ":80(Sim.sortThree.lambda$0)\n"
                + pad60 + "         1    2.000    3.000  " + F + ":89(Sim.sortBad.lambda$0)\n"
                + "\n\n"
                + "sorted: [1, 2, 3]\n";
    }

    /**
     * The second program, {@link io.speedkit.it.targets.Shapes}: how exceptions, finally blocks, class
     * initialisation, constructor chains, records and default methods are timed.
     *
     * <pre>
     * run              enter 0   +1 -> 1
     *  parse           enter 1   +1 -> 2
     *   {parseInt}     enter 2; throws NumberFormatException inside the JDK; parse's catch starts with
     *                  Probe.repair, which closes the open JDK frame at 2   total 0
     *                  catch: +2 -> 4    exit 4   total 3
     *  dive(4)         enter 4   +1 -> 5
     *   dive(3)        enter 5   +1 -> 6
     *    dive(2)       enter 6   +1 -> 7   (calls dive(1) inside try/catch (Stop))
     *     dive(1)      enter 7   +1 -> 8
     *      dive(0)     enter 8   +1 -> 9
     *       Stop.new   enter 9 ({RuntimeException.new} 9..9)   exit 9   total 0
     *      dive(0)     throws: catch-all exits at 9     total 1
     *     dive(1)      the Stop passes: catch-all exits at 9    total 2
     *    dive(2)       catch: +5 -> 14   exit 14  total 8
     *   dive(3)                          exit 14  total 9
     *  dive(4)                           exit 14  total 10
     *  guarded         enter 14  +1 -> 15
     *   withFinally    enter 15  +1 -> 16
     *    throwNow      enter 16  +1 -> 17; Stop.new 17..17; throws: exits at 17   total 1
     *   withFinally    finally (javac's catch-any handler): +2 -> 19; rethrows: catch-all exits at 19   total 4
     *  guarded         catch: +1 -> 20   exit 20  total 6
     *  nested          enter 20  +1 -> 21
     *   {parseInt}     enter 21; throws; the inner catch (IllegalStateException) does not match, the outer
     *                  catch (NumberFormatException) repairs: closed at 21   total 0
     *  nested          catch: +1 -> 22   exit 22  total 2
     *  useHolder       enter 22  +1 -> 23; reading Holder.VALUE initialises Holder:
     *   Holder.static  enter 23
     *    Holder.compute enter 23  +2 -> 25  exit 25  total 2
     *   Holder.static                    exit 25  total 2
     *  useHolder                         exit 25  total 3
     *  Child.new       enter 25; its super() is Parent.new (a program constructor, not a JDK call):
     *   Parent.new     enter 25  +1 -> 26  exit 26  total 1   (Object.&lt;init&gt; is not timed: trivial)
     *  Child.new       +2 -> 28          exit 28  total 3
     *  Person.new      28..28 total 0    (the record's canonical constructor; Record.&lt;init&gt; is trivial)
     *  Greeter.greet   enter 28  +1 -> 29 (a default method)
     *   Person.name    29..29 total 0    (the record's accessor; String.length is trivial)
     *  Greeter.greet                     exit 29  total 1
     * run                                exit 29  total 29
     * </pre>
     * Rows: run 1 (1, 29); parse 1 (3, 3); parseInt 2 (0, 0); dive 5/1 (1·5 + 5 = 10; 10; percall 2, 10);
     * Stop.new 2 (0, 0); RuntimeException.new 2 (0, 0); guarded 1 (2, 6); withFinally 1 (3, 4); throwNow 1 (1, 1);
     * nested 1 (2, 2); useHolder 1 (1, 3); Holder.static 1 (0, 2); Holder.compute 1 (2, 2); Parent.new 1 (1, 1);
     * Child.new 1 (2, 3); Person.new 1 (0, 0); Greeter.greet 1 (1, 1); Person.name 1 (0, 0).
     * 25 calls, 21 primitive (dive's 4 recursive ones), Σ tottime 29.
     * Edges: run → dive 1 (1, 10); dive → dive 4/1 (tottime 1 + 6 + 1 + 1 = 9; cumtime of dive(3), the one
     * primitive edge call, 9); dive → Stop.new 1 and throwNow → Stop.new 1 (0, 0); Child.new → Parent.new 1 (1, 1);
     * useHolder → Holder.static 1 (0, 2); Holder.static → Holder.compute 1 (2, 2).
     * Standard-name order compares line numbers as text: 102, 108, 117, 122, 129, 16, 27 ... 96; on line 122
     * the record's accessor and constructor share the record header's line, name before new.
     */
    @Test
    void simulatedClock_exceptionsFinallyClassInitConstructorsRecords() {
        ForkedJvm.Result r = ForkedJvm.java("-javaagent:" + Artifacts.agent(), "-cp", Artifacts.targetsClassPath(),
                "io.speedkit.it.targets.Shapes").run();
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("", r.stderr());
        assertEquals(expectedShapes(), r.stdout());
    }

    static String expectedShapes() {
        String s = "io/speedkit/it/targets/Shapes.java";
        return "         25 function calls (21 primitive calls) in 29.000 seconds\n\n"
                + "   Ordered by: standard name\n\n"
                + "   ncalls  tottime  percall  cumtime  percall filename:lineno(function)\n"
                + "        1    1.000    1.000    1.000    1.000 " + s + ":102(Shapes$Parent.new)\n"
                + "        1    2.000    2.000    3.000    3.000 " + s + ":108(Shapes$Child.new)\n"
                + "        1    1.000    1.000    1.000    1.000 " + s + ":117(Shapes$Greeter.greet)\n"
                + "        1    0.000    0.000    0.000    0.000 " + s + ":122(Shapes$Person.name)\n"
                + "        1    0.000    0.000    0.000    0.000 " + s + ":122(Shapes$Person.new)\n"
                + "        2    0.000    0.000    0.000    0.000 " + s + ":129(Shapes$Stop.new)\n"
                + "        1    1.000    1.000   29.000   29.000 " + s + ":16(Shapes.run)\n"
                + "        1    3.000    3.000    3.000    3.000 " + s + ":27(Shapes.parse)\n"
                + "      5/1   10.000    2.000   10.000   10.000 " + s + ":36(Shapes.dive)\n"
                + "        1    2.000    2.000    6.000    6.000 " + s + ":52(Shapes.guarded)\n"
                + "        1    3.000    3.000    4.000    4.000 " + s + ":61(Shapes.withFinally)\n"
                + "        1    1.000    1.000    1.000    1.000 " + s + ":70(Shapes.throwNow)\n"
                + "        1    2.000    2.000    2.000    2.000 " + s + ":75(Shapes.nested)\n"
                + "        1    1.000    1.000    3.000    3.000 " + s + ":88(Shapes.useHolder)\n"
                + "        1    0.000    0.000    2.000    2.000 " + s + ":93(Shapes$Holder.static)\n"
                + "        1    2.000    2.000    2.000    2.000 " + s + ":96(Shapes$Holder.compute)\n"
                + "        2    0.000    0.000    0.000    0.000 {built-in method java.lang.Integer.parseInt}\n"
                + "        2    0.000    0.000    0.000    0.000 {method java.lang.RuntimeException.new}\n"
                + "\n\n"
                + "   Ordered by: standard name\n"
                + "   List reduced from 18 to 2 due to restriction <'dive|Stop'>\n\n"
                + "Function " + " ".repeat(57 - 9) + "was called by...\n"
                + " ".repeat(57) + "    ncalls  tottime  cumtime\n"
                + s + ":129(Shapes$Stop.new)  <-       1    0.000    0.000  " + s + ":36(Shapes.dive)\n"
                + " ".repeat(58) + "        1    0.000    0.000  " + s + ":70(Shapes.throwNow)\n"
                + s + ":36(Shapes.dive)       <-       1    1.000   10.000  " + s + ":16(Shapes.run)\n"
                + " ".repeat(58) + "      4/1    9.000    9.000  " + s + ":36(Shapes.dive)\n"
                + "\n\n"
                + "   Ordered by: standard name\n"
                + "   List reduced from 18 to 4 due to restriction <'Holder|Child'>\n\n"
                + "Function " + " ".repeat(62 - 9) + "called...\n"
                + " ".repeat(62) + "    ncalls  tottime  cumtime\n"
                + s + ":108(Shapes$Child.new)      ->       1    1.000    1.000  " + s + ":102(Shapes$Parent.new)\n"
                + s + ":88(Shapes.useHolder)       ->       1    0.000    2.000  " + s + ":93(Shapes$Holder.static)\n"
                + s + ":93(Shapes$Holder.static)   ->       1    2.000    2.000  " + s + ":96(Shapes$Holder.compute)\n"
                + s + ":96(Shapes$Holder.compute)  -> \n"
                + "\n\n";
    }
}
