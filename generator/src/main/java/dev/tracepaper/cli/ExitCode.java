package dev.tracepaper.cli;

/** The exit codes of every command, documented in {@code --help} and docs/cli.md. */
public final class ExitCode {

  /** The model is valid (and, for generate, the project was written). */
  public static final int OK = 0;

  /** The model is invalid: diagnostics at or above the {@code --fail-on} severity. */
  public static final int INVALID_MODEL = 1;

  /** {@code tracepaper test}: a test of the model failed (an invalid model is 1 as well). */
  public static final int TESTS_FAILED = 1;

  /** The command line was wrong: unknown option, missing argument. */
  public static final int USAGE = 2;

  /** A template failed to render. */
  public static final int RENDER = 3;

  /** A bug in tracepaper itself; run with -x for the stack trace. */
  public static final int INTERNAL = 4;

  private ExitCode() {}
}
