package dev.tracepaper.testing;

import dev.tracepaper.source.SourceLocation;
import java.util.List;

/**
 * One test of the model and how it went.
 *
 * @param element how the model names what the test belongs to: "command `LendBook`", "policy
 *     `WithdrawWhenLost`", "view `BookView`"
 * @param name the test's name
 * @param location where the test stands in the model
 * @param mismatches what differed, for a failed test; why it was not run, for one not run
 */
public record TestResult(
    String element,
    String name,
    SourceLocation location,
    Status status,
    List<Mismatch> mismatches,
    long micros) {

  public TestResult {
    mismatches = List.copyOf(mismatches);
  }

  /** How a test went. */
  public enum Status {
    PASSED,
    FAILED,
    /** The engine cannot run it: hand-written code takes part. Never counted as passed. */
    NOT_RUN
  }

  /**
   * One difference: {@code subject} says what (an event, a field of the state, a row), {@code
   * expected} and {@code actual} are in the model's words; {@code location} is where the model
   * wrote the expectation (or the failing expression), else the test's.
   */
  public record Mismatch(String subject, String expected, String actual, SourceLocation location) {}
}
