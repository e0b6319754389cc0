package dev.tracepaper.cli;

import dev.tracepaper.render.TemplateSetupException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
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
    return commandLine(out, err, stacktrace, subcommandsFor(args)).execute(args);
  }

  /**
   * The subcommands a run with {@code args} needs: only the one it names when that is one of ours
   * (its help included), else all (the top-level help, completion, a misspelt name's suggestions).
   * The top-level options take no value, so the first word not starting with {@code -} names it.
   */
  static List<Class<?>> subcommandsFor(String[] args) {
    String named = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
    for (Class<?> command : TracepaperCommand.OWN_SUBCOMMANDS) {
      if (command.getAnnotation(CommandLine.Command.class).name().equals(named)) {
        return List.of(command);
      }
    }
    return TracepaperCommand.SUBCOMMANDS;
  }

  /**
   * The configured command line: output through the given writers, usage errors exit 2, and an
   * exception from a command exits 4 with one line (the stack trace only when asked for).
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean stacktrace) {
    return commandLine(out, err, stacktrace, TracepaperCommand.SUBCOMMANDS);
  }

  private static CommandLine commandLine(
      PrintWriter out, PrintWriter err, boolean stacktrace, List<Class<?>> subcommands) {
    CommandLine cli = new CommandLine(new TracepaperCommand());
    subcommands.forEach(cli::addSubcommand);
    acceptStacktraceEverywhere(cli);
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
                    + "\nThis is a bug in tracepaper; run again with "
                    + STACKTRACE_OPTIONS[0]
                    + " to see the stack trace.");
          }
          err.flush();
          return ExitCode.INTERNAL;
        });
    cli.setParameterExceptionHandler(
        (e, a) -> {
          CommandLine commandLine = e.getCommandLine();
          commandLine.getErr().println("tracepaper: " + e.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(e, commandLine.getErr());
          commandLine.getErr().println("Run `" + helpCommand(commandLine) + "` for usage.");
          commandLine.getErr().flush();
          return ExitCode.USAGE;
        });
    return cli;
  }

  /** The option the internal-error message recommends; every command accepts it. */
  static final String[] STACKTRACE_OPTIONS = {"-x", "--stacktrace"};

  /**
   * Adds {@code -x}/{@code --stacktrace} to every command and subcommand, picocli's own {@code
   * help} and {@code generate-completion} included: the internal-error message, which any command
   * can print, tells the user to run again with it, so no command may refuse it as unknown. {@link
   * #run} reads it from the arguments, before picocli parses them.
   */
  private static void acceptStacktraceEverywhere(CommandLine command) {
    boolean has =
        command.getCommandSpec().options().stream()
            .anyMatch(o -> java.util.List.of(o.names()).contains(STACKTRACE_OPTIONS[0]));
    if (!has) {
      command
          .getCommandSpec()
          .addOption(
              CommandLine.Model.OptionSpec.builder(STACKTRACE_OPTIONS)
                  .description("Print the stack trace of an internal error.")
                  .build());
    }
    command.getSubcommands().values().stream().distinct().forEach(Main::acceptStacktraceEverywhere);
  }

  /** {@code ./tracepaper init --help}, as the user ran tracepaper (see {@link Invocation}). */
  static String helpCommand(CommandLine command) {
    java.util.List<String> words = new java.util.ArrayList<>();
    for (CommandLine c = command; c.getParent() != null; c = c.getParent()) {
      words.add(0, c.getCommandName());
    }
    words.add("--help");
    return Invocation.command(words.toArray(String[]::new));
  }
}
