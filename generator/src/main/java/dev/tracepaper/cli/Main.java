package dev.tracepaper.cli;

import dev.tracepaper.render.TemplateSetupException;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/** Entry point: runs the command line and exits with its code. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs tracepaper with the given arguments and writers; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    boolean stacktrace =
        Arrays.asList(args).contains("-x") || Arrays.asList(args).contains("--stacktrace");
    return commandLine(out, err, stacktrace).execute(args);
  }

  /**
   * The configured command line: output through the given writers, usage errors exit 2, and an
   * exception from a command exits 4 with one line (the stack trace only when asked for).
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean stacktrace) {
    CommandLine cli = new CommandLine(new TracepaperCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExitCodeExceptionMapper(e -> ExitCode.INTERNAL);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof TemplateSetupException setup) {
            // The user's templates folder is wrong, like a bad option: a usage error.
            err.println(
                "tracepaper: the templates folder cannot be used as it is; nothing was written:\n"
                    + setup.getMessage());
            err.flush();
            return ExitCode.USAGE;
          }
          if (stacktrace) {
            e.printStackTrace(err);
          } else {
            err.println(
                "tracepaper: internal error: "
                    + e
                    + "\nThis is a bug in tracepaper; run again with -x to see the stack trace.");
          }
          err.flush();
          return ExitCode.INTERNAL;
        });
    cli.setParameterExceptionHandler(
        (e, a) -> {
          CommandLine commandLine = e.getCommandLine();
          commandLine.getErr().println("tracepaper: " + e.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(e, commandLine.getErr());
          commandLine
              .getErr()
              .println(
                  "Run `" + commandLine.getCommandSpec().qualifiedName() + " --help` for usage.");
          commandLine.getErr().flush();
          return ExitCode.USAGE;
        });
    return cli;
  }
}
