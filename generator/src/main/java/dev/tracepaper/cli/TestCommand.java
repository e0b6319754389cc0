package dev.tracepaper.cli;

import dev.tracepaper.run.ModelWatcher;
import dev.tracepaper.task.ModelTesting;
import dev.tracepaper.task.TestReportFormat;
import dev.tracepaper.testing.ModelTests;
import dev.tracepaper.testing.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tracepaper test PATH...}: validates a model, then runs its given/when/then tests by
 * executing the model itself (docs/architecture.md, "tracepaper test"), in well under a second.
 */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Runs the model's tests (commands, policies, views) without building or deploying"
            + " anything. Tests of hand-written code (custom: true) are not run.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every test that was run passed",
      "1:a test failed, or the model is invalid (then no test runs)",
      "2:usage error",
      "4:internal error (run with -x for the stack trace)",
      "130:--watch ended by Ctrl-C"
    })
public final class TestCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "A model file, or a folder of *.yaml (and *.yml) files that make one model.")
  List<Path> paths;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  TestReportFormat format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Write the report to FILE instead of standard output (a JUnit report for CI, while the"
              + " log shows the summary).")
  Path output;

  @Option(
      names = {"-q", "--quiet"},
      description = "Text format: print only the failed tests, and no summary.")
  boolean quiet;

  @Option(
      names = {"-w", "--watch"},
      description =
          "Validate and test again on every save of the model's files, until Ctrl-C (exit 130).")
  boolean watch;

  /** ANSI: cursor home, then erase the screen. */
  private static final String CLEAR = "\033[H\033[2J";

  /** What an interrupted command exits with in a shell (128 + SIGINT), as {@code run} does. */
  static final int INTERRUPTED = 130;

  @Override
  public Integer call() throws IOException {
    ModelArguments.requireExisting(spec, paths);
    if (watch) {
      return watch();
    }
    return once();
  }

  /**
   * Tests once, then again on every save, in this JVM (warm: a run after the first takes a fraction
   * of the first's time). Ctrl-C ends the JVM with 130; an interrupt (in-process use) returns it.
   */
  private int watch() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    boolean terminal = Terminal.isStdout();
    Object oneAtATime = new Object();
    try (ModelWatcher watcher =
        new ModelWatcher(
            paths,
            () -> {
              synchronized (oneAtATime) {
                if (terminal) {
                  out.print(CLEAR);
                }
                watched(out);
              }
            })) {
      synchronized (oneAtATime) {
        watched(out);
      }
      watcher.start();
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return INTERRUPTED;
  }

  private void watched(PrintWriter out) {
    long start = System.nanoTime();
    try {
      once();
    } catch (IOException | RuntimeException e) {
      // A failure of one run must not end the watch: the next save may mend it.
      out.println("tracepaper: " + e.getMessage());
    }
    out.printf(
        Locale.ROOT,
        "Watching the model (checked in %.2f s): saving a file tests again. Ctrl-C stops.%n",
        (System.nanoTime() - start) / 1e9);
    out.flush();
  }

  private int once() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    ModelTesting.Result result = ModelTesting.run(paths, Path.of("").toAbsolutePath());
    if (!ModelArguments.report(
        result.validation(), result.run().isPresent(), out, false, "No test was run")) {
      return result.exitCode();
    }
    ModelTests.Run run = result.run().get();
    String text = format.format(run, quiet);
    if (output != null) {
      Path parent = output.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(output, text, StandardCharsets.UTF_8);
      if (!quiet) {
        out.println(TextReport.summary(run));
      }
    } else {
      out.print(text);
    }
    out.flush();
    return result.exitCode();
  }
}
