package dev.tracepaper.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.TestPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every option a message recommends ("run again with -x", "see --force", "generate --templates") is
 * an option of the command that prints the message: the generator's sources are scanned for string
 * literals that name an option, and each is checked against the commands that can print it.
 */
class RecommendedOptionsTest {

  /**
   * An option in running text: {@code --force}, {@code -x}; not {@code a-b} or {@code -SNAPSHOT}.
   */
  private static final Pattern OPTION =
      Pattern.compile("(?<![\\w`-])(?:([a-z][a-z-]*) )?(--[a-z][a-z-]*[a-z]|-[a-zA-Z])(?![\\w-])");

  private static final Pattern COMMAND_NAME =
      Pattern.compile("@Command\\(\\s*name\\s*=\\s*\"([a-z-]+)\"");

  /** A literal that names an option, where it is, and the command whose code holds it. */
  record Mention(Path file, String literal, String command) {}

  private static Map<String, CommandLine> commands() {
    Map<String, CommandLine> all = new LinkedHashMap<>();
    collect(
        Main.commandLine(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false),
        all);
    return all;
  }

  private static void collect(CommandLine command, Map<String, CommandLine> all) {
    all.putIfAbsent(command.getCommandName(), command);
    command.getSubcommands().values().forEach(c -> collect(c, all));
  }

  private static boolean accepts(CommandLine command, String option) {
    return command.getCommandSpec().findOption(option) != null;
  }

  @Test
  void everyCommandAcceptsTheOptionsOfTheMessagesEveryCommandCanPrint() {
    Map<String, CommandLine> commands = commands();

    assertThat(commands.keySet())
        .containsAtLeast(
            "tracepaper",
            "validate",
            "generate",
            "templates",
            "list",
            "export",
            "init",
            "generate-completion",
            "help");
    for (CommandLine command : commands.values()) {
      for (String option : Main.STACKTRACE_OPTIONS) {
        assertWithMessage("`%s` accepts %s", command.getCommandName(), option)
            .that(accepts(command, option))
            .isTrue();
      }
      assertWithMessage("`%s` accepts --help", command.getCommandName())
          .that(accepts(command, "--help"))
          .isTrue();
    }
  }

  @Test
  void everyOptionAMessageRecommendsIsAnOptionOfTheCommandThatPrintsIt() throws IOException {
    Map<String, CommandLine> commands = commands();
    List<Mention> mentions = mentions();

    assertThat(mentions.stream().map(Mention::literal).anyMatch(l -> l.contains("-x"))).isTrue();
    for (Mention mention : mentions) {
      Matcher m = OPTION.matcher(mention.literal());
      while (m.find()) {
        String named = m.group(1);
        String option = m.group(2);
        List<CommandLine> printers = new ArrayList<>();
        if (named != null && commands.containsKey(named)) {
          printers.add(commands.get(named)); // "generate --templates": that command's option
        } else if (mention.file().endsWith("Main.java")) {
          printers.addAll(commands.values()); // Main's messages end every command's run
        } else if (mention.command() != null) {
          printers.add(commands.get(mention.command()));
        } else {
          // Outside the command classes (such as the planner's reasons, which generate prints):
          // at least one command must have the option.
          boolean some = commands.values().stream().anyMatch(c -> accepts(c, option));
          assertWithMessage("%s recommends %s in \"%s\"", mention.file(), option, mention.literal())
              .that(some)
              .isTrue();
          continue;
        }
        for (CommandLine printer : printers) {
          assertWithMessage(
                  "%s recommends %s in \"%s\", which `%s` prints but does not accept",
                  mention.file().getFileName(), option, mention.literal(), printer.getCommandName())
              .that(accepts(printer, option))
              .isTrue();
        }
      }
    }
  }

  /** Every string literal of the generator's sources that names an option. */
  private static List<Mention> mentions() throws IOException {
    Path sources = TestPaths.root().resolve("generator/src/main/java");
    List<Mention> mentions = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String code = Files.readString(file, StandardCharsets.UTF_8);
        for (JavaLiterals.Literal literal : JavaLiterals.of(code)) {
          // Outside the commands, a literal that is one option alone ("-f") is an argument of
          // another program's command line (Durability runs `sync -f`), not a message.
          boolean argument =
              !file.toString().contains("/dev/tracepaper/cli/")
                  && literal.text().matches("--?[a-zA-Z][a-zA-Z-]*");
          if (!argument && OPTION.matcher(literal.text()).find()) {
            mentions.add(new Mention(file, literal.text(), commandAt(code, literal.offset())));
          }
        }
      }
    }
    return mentions;
  }

  /** The name of the last {@code @Command} declared before {@code offset}: the code's command. */
  private static String commandAt(String code, int offset) {
    Matcher m = COMMAND_NAME.matcher(code);
    String name = null;
    while (m.find() && m.start() < offset) {
      name = m.group(1);
    }
    return name;
  }
}
