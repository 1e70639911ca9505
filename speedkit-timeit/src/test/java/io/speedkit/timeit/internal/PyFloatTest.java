package io.speedkit.timeit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each expected value was printed by CPython 3.11: {@code "%.*g" % (precision, value)}. */
class PyFloatTest {
    private final Locale saved = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    @ParameterizedTest(name = "%.{1}g % {0} = {2}")
    @CsvSource({
        "625.3, 3, 625", "0.0004967, 3, 0.000497", "2.71e-06, 3, 2.71e-06", "0.408, 3, 0.408", "1e-07, 3, 1e-07",
        "1234.5, 3, 1.23e+03", "0.5, 3, 0.5", "2.5, 3, 2.5", "9.995, 3, 9.99", "99.95, 3, 100", "999.5, 3, 1e+03",
        "1e+16, 3, 1e+16", "123456789.0, 3, 1.23e+08", "0.00012345, 3, 0.000123", "1.2345e-05, 3, 1.23e-05",
        "1.0, 3, 1", "0.0, 3, 0", "3.0000001, 3, 3", "2.675, 3, 2.67", "1e-300, 3, 1e-300", "5e-324, 3, 4.94e-324",
        "625.3, 4, 625.3", "0.0004967, 4, 0.0004967", "1234.5, 4, 1234", "9.995, 4, 9.995", "99.95, 4, 99.95",
        "999.5, 4, 999.5", "123456789.0, 4, 1.235e+08", "0.00012345, 4, 0.0001234", "1.2345e-05, 4, 1.234e-05",
        "5e-324, 4, 4.941e-324", "625.3, 1, 6e+02", "0.0004967, 1, 0.0005", "2.5, 1, 2", "9.995, 1, 1e+01",
        "99.95, 1, 1e+02", "2.675, 1, 3", "-0.0004967, 3, -0.000497", "-1234.5, 3, -1.23e+03"})
    void g_matchesPython(double value, int precision, String python) {
        assertEquals(python, PyFloat.g(value, precision));
        Locale.setDefault(Locale.GERMANY);
        assertEquals(python, PyFloat.g(value, precision), "the locale must not matter");
    }
}
