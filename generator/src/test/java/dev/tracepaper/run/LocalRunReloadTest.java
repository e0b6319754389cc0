package dev.tracepaper.run;

import static com.google.common.truth.Truth.assertThat;
import static dev.tracepaper.run.LocalLibrary.DUNE;
import static dev.tracepaper.run.LocalLibrary.LIBRARIAN;
import static dev.tracepaper.run.LocalLibrary.MEMBER;
import static dev.tracepaper.run.LocalLibrary.registerDune;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A saved change of the model while it runs: reloaded with its events, or refused. */
class LocalRunReloadTest {

  @TempDir Path folder;

  @Test
  void aChangedViewIsRebuiltFromTheStoredEvents() throws Exception {
    try (LocalLibrary library = LocalLibrary.start(folder)) {
      library.graphql(registerDune(2), LIBRARIAN);

      edit(
          library.model.resolve("views.yaml"),
          v ->
              v.replace(
                  "fields: {isbn: String, title: String, available: Int, status: BookStatus}",
                  "fields: {isbn: String, title: String, copies: Int, available: Int, status:"
                      + " BookStatus}"));
      await(library, line -> line.startsWith("Reloaded: 1 stored events"));

      JsonNode row =
          library
              .graphql(DUNE.replace("available", "copies available"), MEMBER)
              .at("/data/getBookAvailability");
      assertThat(row.get("copies").asInt()).isEqualTo(2);
      assertThat(row.get("available").asInt()).isEqualTo(2);
    }
  }

  @Test
  void aChangeThatBreaksStoredEventsIsReportedAsDiffDoesAndTheRunningModelStays() throws Exception {
    try (LocalLibrary library = LocalLibrary.start(folder)) {
      library.graphql(registerDune(2), LIBRARIAN);

      edit(library.model.resolve("catalog.yaml"), LocalRunReloadTest::addShelf);
      await(library, line -> line.contains("The model as it was before still runs"));

      String report = String.join("\n", library.console);
      assertThat(report).contains("error[EventFieldsChanged]");
      assertThat(report).contains("catalog.yaml");
      assertThat(library.get("model").get("problem").asString()).contains("EventFieldsChanged");
      assertThat(library.graphql(DUNE, MEMBER).at("/data/getBookAvailability/title").asString())
          .isEqualTo("Dune");
    }
  }

  @Test
  void anInvalidChangeIsReportedAndTheRunningModelStays() throws Exception {
    try (LocalLibrary library = LocalLibrary.start(folder)) {
      edit(library.model.resolve("views.yaml"), v -> v.replace("from: Book", "from: Boook"));
      await(library, line -> line.contains("The model as it was before still runs"));

      assertThat(String.join("\n", library.console)).contains("views.yaml:");
      assertThat(library.graphql(registerDune(1), LIBRARIAN).path("errors").isMissingNode())
          .isTrue();
    }
  }

  @Test
  void aChangeMadeWhileNothingRanIsCheckedAgainstTheModelThatStoredTheEvents() throws Exception {
    try (LocalLibrary library = LocalLibrary.start(folder)) {
      library.graphql(registerDune(2), LIBRARIAN);
    }
    edit(folder.resolve("model/catalog.yaml"), LocalRunReloadTest::addShelf);

    LocalRun.NotRunnable refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            LocalRun.NotRunnable.class, () -> LocalLibrary.start(folder));

    assertThat(refused).isNotNull();
    String printed = String.join("\n", LocalLibrary.lastConsole());
    assertThat(printed).contains("error[EventFieldsChanged]");
    assertThat(printed).contains("the model that last ran; a copy is in");
    assertThat(printed).contains("Nothing runs");
  }

  /** BookRegistered gains a field without a new version: stored events lack it. */
  private static String addShelf(String catalog) {
    return catalog
        .replace(
            "fields: {isbn: String, title: String, abstract: String, copies: Int}",
            "fields: {isbn: String, title: String, abstract: String, copies: Int, shelf: String}")
        .replace(
            "        emits: [BookRegistered]\n",
            "        emits:\n          - BookRegistered: {shelf: \"'A1'\"}\n");
  }

  private static void edit(Path file, UnaryOperator<String> change) throws Exception {
    String before = Files.readString(file, UTF_8);
    String after = change.apply(before);
    assertThat(after).isNotEqualTo(before);
    Files.writeString(file, after, UTF_8);
  }

  /** Waits (at most 30 seconds) for the console to print a line {@code expected} accepts. */
  private static void await(LocalLibrary library, Predicate<String> expected) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      synchronized (library.console) {
        if (library.console.stream().anyMatch(expected)) {
          return;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the console never printed the line expected:\n" + library.console);
  }
}
