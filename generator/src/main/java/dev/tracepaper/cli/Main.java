package dev.tracepaper.cli;

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
    CommandLine cli = new CommandLine(new TracepaperCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExitCodeExceptionMapper(e -> ExitCode.INTERNAL);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (stacktrace) {
            e.printStackTrace(commandLine.getErr());
          } else {
            commandLine
                .getErr()
                .println(
                    "tracepaper: internal error: "
                        + e
                        + "\nThis is a bug in tracepaper; run again with -x to see the stack trace.");
          }
          commandLine.getErr().flush();
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
    return cli.execute(args);
  }
}
