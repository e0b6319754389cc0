package dev.tracepaper.cli;

import java.util.List;
import java.util.stream.Stream;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code tracepaper} command; the work is done by its subcommands. */
@Command(
    name = "tracepaper",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Validates event-sourced application models and generates serverless Java projects.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the model is valid",
      "1:the model is invalid (test: or a test of it failed)",
      "2:usage error",
      "3:template or render error",
      "4:internal error (run with -x for the stack trace)"
    })
public final class TracepaperCommand implements Runnable {

  /**
   * Tracepaper's own subcommands, in the order help lists them. {@link Main} adds them rather than
   * the annotation: picocli reads each one's options when it is added, a third of the start of
   * every run, so a run adds only the command it runs (docs/performance.md).
   */
  static final List<Class<?>> OWN_SUBCOMMANDS =
      List.of(
          ValidateCommand.class,
          TestCommand.class,
          RunCommand.class,
          GenerateCommand.class,
          DocsCommand.class,
          DiffCommand.class,
          TemplatesCommand.class,
          InitCommand.class);

  /** Every subcommand: picocli's completion script and help, which need all the others, last. */
  static final List<Class<?>> SUBCOMMANDS =
      Stream.concat(
              OWN_SUBCOMMANDS.stream(),
              Stream.of(AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class))
          .toList();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Name a command, such as `validate`.");
  }
}
