package dev.tracepaper.testing;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.engine.AuthType;
import dev.tracepaper.engine.Caller;
import dev.tracepaper.engine.Engine;
import dev.tracepaper.engine.FieldProblem;
import dev.tracepaper.engine.Outcome;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.ModelIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The system's own errors, which no example's tests expect: input constraints ({@code VALIDATION}),
 * existence ({@code NOT_FOUND}, {@code ALREADY_EXISTS}, a deleted instance started again by {@code
 * ifMissing}) and roles ({@code UNAUTHORIZED}). Each case passes, and each fails once its expected
 * code is swapped for another, so that the engine tells them apart.
 */
class SystemErrorsTest {

  private static final String MODEL =
      """
      tracepaper: 1
      app:
        name: shelf
        package: com.example.shelf
        auth: {default: authenticated, roles: [clerk]}
      aggregates:
        Shelf:
          key: shelfId
          fields: {shelfId: String, label: String, slots: Int, open: Boolean}
          events:
            ShelfPlaced:
              fields: {shelfId: String, label: String, slots: Int}
              apply: {open: 'true'}
            ShelfRemoved:
              fields: {shelfId: String}
              apply: {deleted: true}
            ShelfRelabelled:
              fields: {shelfId: String, label: String}
          commands:
            PlaceShelf:
              creates: true
              auth: role:clerk
              fields:
                shelfId: {type: String, pattern: '^S[0-9]+$'}
                label: {type: String, minLength: 2, maxLength: 20}
                slots: {type: Int, min: 1, max: 50, default: 10}
              emits: [ShelfPlaced]
              tests:
                - name: places a shelf with the default slots
                  when: {shelfId: S1, label: Novels}
                  then:
                    events: [{ShelfPlaced: {shelfId: S1, label: Novels, slots: 10}}]
                    state: {open: true, slots: 10}
                - name: a shelf id of another form is refused
                  when: {shelfId: X1, label: Novels}
                  then: {error: VALIDATION}
                - name: too many slots are refused
                  when: {shelfId: S1, label: Novels, slots: 51}
                  then: {error: VALIDATION}
                - name: a label is required
                  when: {shelfId: S1}
                  then: {error: VALIDATION}
                - name: a shelf placed already cannot be placed again
                  given: [ShelfPlaced: {shelfId: S1, label: Novels, slots: 3}]
                  when: {shelfId: S1, label: Poetry}
                  then: {error: ALREADY_EXISTS}
                - name: only a clerk places shelves
                  as: {name: visitor, roles: []}
                  when: {shelfId: S1, label: Novels}
                  then: {error: UNAUTHORIZED}
            RelabelShelf:
              fields: {shelfId: String, label: String}
              emits: [ShelfRelabelled]
              tests:
                - name: an unknown shelf is not found
                  when: {shelfId: S9, label: Poetry}
                  then: {error: NOT_FOUND}
                - name: a removed shelf is not found
                  given:
                    - ShelfPlaced: {shelfId: S1, label: Novels, slots: 3}
                    - ShelfRemoved: {shelfId: S1}
                  when: {shelfId: S1, label: Poetry}
                  then: {error: NOT_FOUND}
                - name: relabels a shelf
                  given: [ShelfPlaced: {shelfId: S1, label: Novels, slots: 3}]
                  when: {shelfId: S1, label: Poetry}
                  then:
                    events: [{ShelfRelabelled: {label: Poetry}}]
                    state: {label: Poetry, slots: 3, open: true}
            RemoveShelf:
              fields: {shelfId: String}
              emits: [ShelfRemoved]
              tests:
                - name: removes a shelf
                  given: [ShelfPlaced: {shelfId: S1, label: Novels, slots: 3}]
                  when: {shelfId: S1}
                  then:
                    events: [{ShelfRemoved: {shelfId: S1}}]
                    deleted: true
            RestoreShelf:
              creates: ifMissing
              fields: {shelfId: String, label: String}
              emits:
                - ShelfPlaced: {slots: '1'}
                  if: '!has(state.label)'
                - ShelfRelabelled:
                  if: has(state.label)
              tests:
                - name: a removed shelf starts again from the empty state
                  given:
                    - ShelfPlaced: {shelfId: S1, label: Novels, slots: 3}
                    - ShelfRemoved: {shelfId: S1}
                  when: {shelfId: S1, label: Poetry}
                  then:
                    events: [{ShelfPlaced: {shelfId: S1, label: Poetry, slots: 1}}]
                    state: {label: Poetry, slots: 1}
                    deleted: false
                - name: a shelf that stands is relabelled
                  given: [ShelfPlaced: {shelfId: S1, label: Novels, slots: 3}]
                  when: {shelfId: S1, label: Poetry}
                  then:
                    events: [{ShelfRelabelled: {shelfId: S1, label: Poetry}}]
                    state: {slots: 3}
      """;

  @TempDir Path folder;

  @Test
  void everyCaseExpectingASystemErrorPasses() throws IOException {
    List<TestResult> results = run(MODEL);

    assertThat(results).hasSize(12);
    for (TestResult result : results) {
      assertWithMessage("%s: %s", result.name(), result.mismatches())
          .that(result.status())
          .isEqualTo(TestResult.Status.PASSED);
    }
  }

  /** Validation already proves which input breaks a constraint; the rest is the run's to tell. */
  @Test
  void eachErrorOfExistenceAndRolesIsToldApartFromTheOthers() throws IOException {
    String swapped =
        MODEL
            .replace("then: {error: ALREADY_EXISTS}", "then: {error: (1)}")
            .replace("then: {error: UNAUTHORIZED}", "then: {error: (2)}")
            .replace("then: {error: NOT_FOUND}", "then: {error: UNAUTHORIZED}")
            .replace("then: {error: (1)}", "then: {error: NOT_FOUND}")
            .replace("then: {error: (2)}", "then: {error: ALREADY_EXISTS}");

    List<TestResult> failed =
        run(swapped).stream().filter(r -> r.status() == TestResult.Status.FAILED).toList();

    assertThat(failed.stream().map(TestResult::name).toList())
        .containsExactly(
            "a shelf placed already cannot be placed again",
            "only a clerk places shelves",
            "an unknown shelf is not found",
            "a removed shelf is not found")
        .inOrder();
    assertThat(failed.get(1).mismatches().get(0).actual())
        .isEqualTo("UNAUTHORIZED: Only callers with the role clerk may run PlaceShelf.");
  }

  /**
   * Validation refuses a test whose input breaks a constraint unless it expects VALIDATION, so the
   * message is checked on the engine directly, as `tracepaper run` will call it.
   */
  @Test
  void anInputThatBreaksConstraintsIsRefusedWithEveryFieldNamed() throws IOException {
    Path dir = Files.createDirectories(folder.resolve("direct"));
    Files.writeString(dir.resolve("shelf.yaml"), MODEL);
    ModelIndex index = EditedExamples.index(dir);
    Engine engine = new Engine(index);
    Command place = index.aggregate("Shelf").orElseThrow().commands().get(0);

    Outcome outcome =
        engine.command(
            place,
            new JsonMapper().readTree("{\"shelfId\": \"X1\", \"slots\": 51}"),
            new Caller("u1", "ada", List.of("clerk")),
            AuthType.AMAZON_COGNITO_USER_POOLS,
            Instant.now());

    assertThat(outcome)
        .isEqualTo(
            new Outcome.Refused(
                "VALIDATION",
                "Invalid input",
                List.of(
                    new FieldProblem("shelfId", "does not have the form /^S[0-9]+$/ asks for"),
                    new FieldProblem("label", "is required"),
                    new FieldProblem("slots", "must be at most 50"))));
    assertThat(engine.events().instances("Shelf")).isEmpty();
  }

  private List<TestResult> run(String model) throws IOException {
    Path dir = Files.createDirectories(folder.resolve("m" + model.hashCode()));
    Files.writeString(dir.resolve("shelf.yaml"), model);
    return ModelTests.run(EditedExamples.index(dir), r -> {}).results();
  }
}
