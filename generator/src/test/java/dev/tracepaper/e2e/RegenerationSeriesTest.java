package dev.tracepaper.e2e;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.TestPaths;
import dev.tracepaper.cli.Main;
import dev.tracepaper.tools.ExternalTool;
import dev.tracepaper.tools.Jdks;
import dev.tracepaper.tools.MavenBuild;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model changes week by week and is regenerated each time, beside hand-written code: after each
 * change (add a field, rename an event, remove a view, add an aggregate) the exact files created,
 * updated, deleted and left alone are checked, hand-written and foreign files stay byte for byte
 * and keep their timestamps, unchanged generated files keep theirs, and the project still compiles
 * with the hand-written code (and, at the end, passes its tests).
 */
class RegenerationSeriesTest {

  private static final String TICKET = "src/main/java/com/example/desk/ticket/";
  private static final String AGENT = "src/main/java/com/example/desk/agent/";
  private static final String VIEWS = "src/main/java/com/example/desk/views/";

  /** The stub of the custom command, as an engineer completes it. */
  private static final String HAND_WRITTEN_STUB =
      """
      package com.example.desk.ticket;

      import dev.tracepaper.runtime.Caller;
      import dev.tracepaper.runtime.CommandError;
      import dev.tracepaper.runtime.CustomContext;
      import java.time.Instant;
      import java.util.List;

      /** Titles must say something: our help desk's own rule, which the model cannot express. */
      final class OpenTicketCustomCode implements OpenTicketCustom {

        OpenTicketCustomCode(CustomContext context) {}

        @Override
        public List<TicketEvent> decide(
            OpenTicket command, TicketState state, Caller user, Instant now, List<TicketEvent> events) {
          if (TicketTitles.isVague(command.title())) {
            throw CommandError.rule("VAGUE_TITLE", "Say what is wrong, not just that it is");
          }
          return events;
        }
      }
      """;

  /** A class of the engineer's own beside the generated ones, which the stub calls. */
  private static final String FOREIGN_CLASS =
      """
      package com.example.desk.ticket;

      final class TicketTitles {
        private TicketTitles() {}

        static boolean isVague(String title) {
          return title.isBlank() || title.equalsIgnoreCase("help");
        }
      }
      """;

  private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

  @TempDir Path temp;

  private Path model;
  private Path out;

  @Test
  void everyRegenerationChangesOnlyWhatTheModelChangedAndKeepsEveryonesWork() throws Exception {
    model = temp.resolve("model.yaml");
    out = temp.resolve("desk");
    String text =
        Files.readString(
            TestPaths.root().resolve("generator/src/test/resources/regeneration/model.yaml"));
    Files.writeString(model, text);

    Map<String, TreeSet<String>> first = regenerate();
    assertThat(first.keySet()).containsExactly("create");
    assertThat(first.get("create")).contains(TICKET + "OpenTicketCustomCode.java");
    assertThat(first.get("create")).contains(TICKET + "OpenTicketCustom.java");
    Files.writeString(out.resolve(TICKET + "OpenTicketCustomCode.java"), HAND_WRITTEN_STUB);
    Files.writeString(out.resolve(TICKET + "TicketTitles.java"), FOREIGN_CLASS);
    Files.createDirectories(out.resolve("docs"));
    Files.writeString(out.resolve("docs/runbook.md"), "# On call\n");
    compiles("the first generation");

    text =
        text.replace(
                "fields: {ticketId: String, title: String}\n        apply: {open: 'true'}",
                "fields: {ticketId: String, title: String, priority: Int}\n"
                    + "        apply: {open: 'true'}")
            .replace(
                "          title: String\n        emits: [TicketOpened]",
                "          title: String\n"
                    + "          priority: {type: Int, default: 3}\n"
                    + "        emits: [TicketOpened]");
    assertThat(change(text))
        .containsExactly(
            "update",
            set(
                "schema.graphql",
                TICKET + "OpenTicket.java",
                TICKET + "OpenTicketFlow.java",
                TICKET + "TicketOpened.java",
                // Both replay a TicketOpened the model's case gives without a priority (now 0).
                "src/test/java/com/example/desk/ticket/CloseTicketTest.java",
                "src/test/java/com/example/desk/views/OpenTicketsProjectionTest.java"),
            "keep",
            // The stubs: created once, then the team's (samconfig.toml: sam deploy --guided).
            set("samconfig.toml", TICKET + "OpenTicketCustomCode.java"));
    compiles("adding a field");

    text = text.replace("TicketClosed", "TicketResolved");
    assertThat(change(text))
        .containsExactly(
            "create",
            set(TICKET + "TicketResolved.java"),
            "update",
            set(
                TICKET + "CloseTicketFlow.java",
                TICKET + "TicketAggregate.java",
                TICKET + "TicketEvent.java",
                TICKET + "TicketState.java",
                "src/test/java/com/example/desk/ticket/CloseTicketTest.java"),
            "delete",
            set(TICKET + "TicketClosed.java"),
            "keep",
            // The stubs: created once, then the team's (samconfig.toml: sam deploy --guided).
            set("samconfig.toml", TICKET + "OpenTicketCustomCode.java"));
    compiles("renaming an event");

    text = text.substring(0, text.indexOf("views:"));
    assertThat(change(text))
        .containsExactly(
            "update",
            set(
                "README.md",
                "schema.graphql",
                "template.yaml",
                TICKET + "TicketAggregate.java",
                // The smoke test queries a view while there is one.
                "scripts/smoke.sh"),
            "delete",
            set(
                // The view functions' handlers go with the last view, as do the functions that
                // read a view's live generation.
                "src/main/java/com/example/desk/ViewProjector.java",
                "src/main/java/com/example/desk/ViewRebuilder.java",
                "src/main/resources/resolvers/generation/ReadBlue.js",
                "src/main/resources/resolvers/generation/ReadGreen.js",
                "src/main/resources/resolvers/generation/ReadViewGeneration.js",
                VIEWS + "OpenTickets.java",
                VIEWS + "OpenTicketsProjection.java",
                "src/test/java/com/example/desk/views/OpenTicketsProjectionTest.java",
                "src/main/resources/resolvers/Query.getOpenTickets.js",
                "src/main/resources/resolvers/Query.listOpenTickets.js"),
            "keep",
            // The stubs: created once, then the team's (samconfig.toml: sam deploy --guided).
            set("samconfig.toml", TICKET + "OpenTicketCustomCode.java"));
    assertThat(Files.exists(out.resolve(VIEWS))).isFalse();
    compiles("removing a view");

    text +=
        """
          Agent:
            key: agentId
            fields: {agentId: String, name: String}
            events:
              AgentHired:
                fields: {agentId: String, name: String}
            commands:
              HireAgent:
                creates: true
                fields: {agentId: String, name: String}
                emits: [AgentHired]
        """;
    assertThat(change(text))
        .containsExactly(
            "create",
            set(
                AGENT + "AgentAggregate.java",
                AGENT + "AgentCommandHandler.java",
                AGENT + "AgentEvent.java",
                AGENT + "AgentHired.java",
                AGENT + "AgentState.java",
                AGENT + "HireAgent.java",
                AGENT + "HireAgentFlow.java"),
            "update",
            // The publisher reads every aggregate's events through its upcasts.
            set(
                "README.md",
                "schema.graphql",
                "src/main/java/com/example/desk/EventPublisher.java",
                "src/main/java/com/example/desk/EventRepublisher.java",
                "template.yaml"),
            "keep",
            // The stubs: created once, then the team's (samconfig.toml: sam deploy --guided).
            set("samconfig.toml", TICKET + "OpenTicketCustomCode.java"));

    ExternalTool.requireOrSkip("moto_server", "the generated integration tests", "--help");
    System.out.println("[RegenerationSeriesTest] ./mvnw verify of the last generation");
    System.out.flush();
    MavenBuild.Result build = MavenBuild.run(out, jdk(), "verify");
    assertWithMessage("./mvnw verify after the last change:\n%s", build.tail())
        .that(build.exitCode())
        .isEqualTo(0);
  }

  /**
   * Writes the changed model, regenerates (a dry run first, whose listing must match what the run
   * then does), and checks that nothing outside the listed changes was touched. Returns the files
   * by action, without the unchanged ones.
   */
  private Map<String, TreeSet<String>> change(String text) throws IOException {
    Files.writeString(model, text);
    Map<String, String> handWritten =
        Map.of(
            TICKET + "OpenTicketCustomCode.java",
            HAND_WRITTEN_STUB,
            TICKET + "TicketTitles.java",
            FOREIGN_CLASS,
            "docs/runbook.md",
            "# On call\n");
    Map<String, FileTime> before = ageEveryFile();

    Map<String, TreeSet<String>> actions = regenerate();

    for (Map.Entry<String, String> file : handWritten.entrySet()) {
      Path path = out.resolve(file.getKey());
      assertWithMessage(file.getKey()).that(Files.readString(path)).isEqualTo(file.getValue());
      assertWithMessage(file.getKey()).that(Files.getLastModifiedTime(path)).isEqualTo(LONG_AGO);
    }
    TreeSet<String> written = new TreeSet<>();
    actions.getOrDefault("create", new TreeSet<>()).forEach(written::add);
    actions.getOrDefault("update", new TreeSet<>()).forEach(written::add);
    for (Map.Entry<String, FileTime> file : before.entrySet()) {
      Path path = out.resolve(file.getKey());
      if (!written.contains(file.getKey())
          && Files.exists(path)
          && !file.getKey().startsWith(".tracepaper/")) {
        assertWithMessage("timestamp of unchanged %s", file.getKey())
            .that(Files.getLastModifiedTime(path))
            .isEqualTo(LONG_AGO);
      }
    }
    return actions;
  }

  /**
   * Runs {@code generate --dry-run}, then {@code generate}, then a dry run again (which must find
   * nothing to do); returns the first dry run's listing, less the unchanged files.
   */
  private Map<String, TreeSet<String>> regenerate() throws IOException {
    Run dryRun = tracepaper("generate", model.toString(), "-o", out.toString(), "--dry-run");
    assertWithMessage(dryRun.output).that(dryRun.exitCode).isEqualTo(0);
    Map<String, TreeSet<String>> actions = new TreeMap<>();
    // The listing's lines, not the model's warnings (a new aggregate without tests has some).
    Pattern listing = Pattern.compile("(create|update|delete|keep|conflict) +(\\S+).*");
    for (String line : dryRun.output.lines().toList()) {
      Matcher file = listing.matcher(line);
      if (file.matches()) {
        actions.computeIfAbsent(file.group(1), a -> new TreeSet<>()).add(file.group(2));
      }
    }
    Run run = tracepaper("generate", model.toString(), "-o", out.toString(), "-q");
    assertWithMessage(run.output).that(run.exitCode).isEqualTo(0);
    Run again = tracepaper("generate", model.toString(), "-o", out.toString(), "--dry-run", "-q");
    assertWithMessage("a second run finds nothing to do")
        .that(again.output)
        .startsWith("Dry run, nothing written to " + out + ": ");
    assertThat(again.output).doesNotContainMatch("to (create|update|delete)");
    return actions;
  }

  private Map<String, FileTime> ageEveryFile() throws IOException {
    Map<String, FileTime> times = new TreeMap<>();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(file, LONG_AGO);
        times.put(out.relativize(file).toString().replace('\\', '/'), LONG_AGO);
      }
    }
    return times;
  }

  private void compiles(String after) throws Exception {
    System.out.println("[RegenerationSeriesTest] test-compile after " + after);
    System.out.flush();
    MavenBuild.Result build = MavenBuild.run(out, jdk(), "-q", "test-compile");
    assertWithMessage("./mvnw test-compile after %s:\n%s", after, build.tail())
        .that(build.exitCode())
        .isEqualTo(0);
  }

  private static Path jdk() {
    return Jdks.forGeneratedProjects().orElseThrow(() -> new AssertionError(Jdks.missingMessage()));
  }

  private static TreeSet<String> set(String... paths) {
    return new TreeSet<>(List.of(paths));
  }

  private record Run(int exitCode, String output) {}

  private static Run tracepaper(String... args) {
    StringWriter output = new StringWriter();
    int exit = Main.run(args, new PrintWriter(output), new PrintWriter(output));
    return new Run(exit, output.toString());
  }
}
