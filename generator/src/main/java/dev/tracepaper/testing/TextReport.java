package dev.tracepaper.testing;

import java.util.Locale;

/**
 * The run as a person reads it: a line per test (with {@code quiet}, only the failed ones), each
 * failure's differences under it at the places the model wrote them, then a summary.
 */
public final class TextReport {

  /** What stands before an expected value, and before the actual one, which lines up under it. */
  private static final String EXPECTED = "          expected: ";

  private static final String ACTUAL = "          actual:   ";

  private TextReport() {}

  public static String format(ModelTests.Run run, boolean quiet) {
    StringBuilder out = new StringBuilder();
    for (TestResult result : run.results()) {
      if (quiet && result.status() != TestResult.Status.FAILED) {
        continue;
      }
      out.append(line(result));
    }
    if (!quiet) {
      run.scenarioCoverage().ifPresent(line -> out.append(line).append('\n'));
      out.append(summary(run)).append('\n');
    }
    return out.toString();
  }

  static String line(TestResult result) {
    StringBuilder out = new StringBuilder();
    String status =
        switch (result.status()) {
          case PASSED -> "PASS   ";
          case FAILED -> "FAIL   ";
          case NOT_RUN -> "NOT RUN";
        };
    out.append(status)
        .append(' ')
        .append(result.location())
        .append(": ")
        // A scenario is a test of the whole model: its name says what it is.
        .append(
            result.element().equals("scenarios")
                ? "scenario \"" + result.name() + "\"\n"
                : result.element() + ", test \"" + result.name() + "\"\n");
    for (TestResult.Mismatch m : result.mismatches()) {
      if (result.status() == TestResult.Status.NOT_RUN) {
        out.append("        ").append(m.subject()).append('\n');
        continue;
      }
      out.append("        ").append(m.location()).append(": ").append(m.subject()).append('\n');
      out.append(EXPECTED).append(underValue(m.expected())).append('\n');
      out.append(ACTUAL).append(underValue(m.actual())).append('\n');
    }
    return out.toString();
  }

  /** A value of several lines (an e-mail's body), each line under the first. */
  private static String underValue(String value) {
    return value.strip().replace("\n", "\n" + " ".repeat(EXPECTED.length()));
  }

  /** "12 tests: 11 passed, 1 failed, 0 not run (hand-written code) (0.31 s)" */
  public static String summary(ModelTests.Run run) {
    String text =
        "%d tests: %d passed, %d failed, %d not run (hand-written code)"
            .formatted(
                run.results().size(),
                run.count(TestResult.Status.PASSED),
                run.count(TestResult.Status.FAILED),
                run.count(TestResult.Status.NOT_RUN));
    return text + String.format(Locale.ROOT, " (%.2f s)", run.millis() / 1000.0);
  }
}
