package dev.tracepaper.output;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.tracepaper.output.Folders.generate;
import static dev.tracepaper.output.Folders.snapshot;
import static dev.tracepaper.output.KillDuringWrite.FIRST;
import static dev.tracepaper.output.KillDuringWrite.SECOND;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Failure injection: a regeneration fails, or the process dies, at every step the writer takes, and
 * the previous generation (with hand-written and foreign files beside it) must come out exactly as
 * it was.
 */
class PlanWriterTest {

  /** Stands for the process dying: no catch block of the writer runs for it. */
  static final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash(String step) {
      super("simulated crash at " + step);
    }
  }

  @TempDir Path parent;

  /** The previous generation, a hand-written stub edit, and a foreign file. */
  private Path previousGeneration(String name) throws IOException {
    Path out = parent.resolve(name);
    generate(out, FIRST);
    Files.writeString(out.resolve("src/main/java/a/Custom.java"), "class Custom { mine }\n");
    Files.writeString(out.resolve("src/main/java/gone/Notes.txt"), "notes\n");
    return out;
  }

  /** Every step a regeneration from FIRST to SECOND takes, in order. */
  static Stream<String> steps() throws IOException {
    Path scratch = Files.createTempDirectory("steps");
    try {
      Path out = scratch.resolve("out");
      generate(out, FIRST);
      List<String> steps = new ArrayList<>();
      generate(out, SECOND, new PlanWriter(steps::add));
      assertThat(steps).contains("journal written");
      assertThat(steps).contains("moved aside pom.xml");
      assertThat(steps).contains("moved in " + Manifest.PATH);
      assertThat(steps).contains("committed");
      return steps.stream();
    } finally {
      deleteTree(scratch);
    }
  }

  @Test
  void aRegenerationGivesTheNewTreeAndKeepsHandWrittenAndForeignFiles() throws IOException {
    Path out = previousGeneration("out");
    generate(out, SECOND);
    Map<String, String> found = snapshot(out);
    assertThat(found).containsEntry("pom.xml", "<project><v>2</v></project>\n");
    assertThat(found).containsEntry("src/main/java/c/deep/C.java", "class C {}\n");
    assertThat(found).containsEntry("src/main/java/a/Custom.java", "class Custom { mine }\n");
    assertThat(found).containsEntry("src/main/java/gone/Notes.txt", "notes\n");
    assertThat(found).doesNotContainKey("src/main/java/gone/Gone.java");
    assertThat(found).doesNotContainKey(PlanWriter.TRANSACTION + "/");
    assertThat(Files.isExecutable(out.resolve("mvnw"))).isTrue();
  }

  @Test
  void aRunFlushesTheFileSystemAFewTimesNotOncePerFile() throws IOException {
    List<List<Path>> flushes = new ArrayList<>();
    Durability counting = (folder, written) -> flushes.add(List.copyOf(written));
    Path out = parent.resolve("out");

    generate(out, FIRST, new PlanWriter(step -> {}, counting));

    // A first generation: the staged tree, then its rename into place.
    assertThat(flushes).hasSize(2);
    assertThat(flushes.get(0)).hasSize(FIRST.files().size() + 1); // the manifest too
    flushes.clear();

    Plan plan = generate(out, SECOND, new PlanWriter(step -> {}, counting));

    // Staged files with the journal, the renames, the commit: three, whatever the file count.
    assertThat(flushes).hasSize(3);
    long written = plan.changes().stream().filter(Change::writes).count();
    assertThat(flushes.get(0)).hasSize((int) written + 2); // the manifest and the journal
    assertThat(flushes.get(0).get(flushes.get(0).size() - 1).getFileName().toString())
        .isEqualTo("journal");
    flushes.clear();

    generate(out, SECOND, new PlanWriter(step -> {}, counting));

    assertThat(flushes).isEmpty(); // nothing changed, nothing written, nothing to flush
  }

  @Test
  void aJournalCutShortByAPowerLossBeforeTheFirstFlushIsDiscarded() throws IOException {
    Path out = previousGeneration("out");
    Map<String, String> before = snapshot(out);
    Durability powerLoss =
        (folder, written) -> {
          throw new Crash("power loss before the flush");
        };
    assertThrows(Crash.class, () -> generate(out, SECOND, new PlanWriter(step -> {}, powerLoss)));
    // What a power loss may leave of a journal never flushed: a prefix, cut mid-line.
    Path journal = out.resolve(PlanWriter.TRANSACTION).resolve("journal");
    String text = Files.readString(journal);
    Files.writeString(journal, text.substring(0, text.indexOf('\n') + 5));

    PlanWriter.recover(out);

    assertThat(snapshot(out)).isEqualTo(before);
  }

  @ParameterizedTest
  @MethodSource("steps")
  void aFailureAtAnyStepLeavesThePreviousGenerationExactly(String failAt) throws IOException {
    Path out = previousGeneration("out");
    Map<String, String> before = snapshot(out);
    PlanWriter failing =
        new PlanWriter(
            step -> {
              if (step.equals(failAt)) {
                throw new IOException("No space left on device");
              }
            });
    if (failAt.equals("committed")) {
      // Past the point of no return a failure keeps the new generation, complete.
      assertThrows(IOException.class, () -> generate(out, SECOND, failing));
      PlanWriter.recover(out);
      assertThat(snapshot(out)).containsEntry("pom.xml", "<project><v>2</v></project>\n");
      return;
    }
    IOException e = assertThrows(IOException.class, () -> generate(out, SECOND, failing));
    assertThat(e).hasMessageThat().isEqualTo("No space left on device");
    assertThat(snapshot(out)).isEqualTo(before);
  }

  @ParameterizedTest
  @MethodSource("steps")
  void aCrashAtAnyStepIsRolledBackByTheNextRun(String crashAt) throws IOException {
    Path out = previousGeneration("out");
    Map<String, String> before = snapshot(out);
    PlanWriter crashing =
        new PlanWriter(
            step -> {
              if (step.equals(crashAt)) {
                throw new Crash(step);
              }
            });
    assertThrows(Crash.class, () -> generate(out, SECOND, crashing));

    PlanWriter.recover(out);

    if (crashAt.equals("committed")) {
      assertThat(snapshot(out)).containsEntry("pom.xml", "<project><v>2</v></project>\n");
      assertThat(snapshot(out)).doesNotContainKey(PlanWriter.TRANSACTION + "/");
    } else {
      assertThat(snapshot(out)).isEqualTo(before);
    }
    generate(out, SECOND);
    assertThat(snapshot(out)).containsEntry("src/main/java/a/B.java", "class B { int b; }\n");
  }

  @ParameterizedTest
  @MethodSource("steps")
  void aKilledProcessLeavesWhatTheNextRunRollsBack(String killAt) throws Exception {
    if (!killAt.startsWith("moved") && !killAt.equals("journal written")) {
      return; // the in-process cases above cover staging; a real kill is slow, so only these
    }
    Path out = previousGeneration("out");
    Map<String, String> before = snapshot(out);
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                KillDuringWrite.class.getName(),
                out.toString(),
                killAt)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertWithMessage(output).that(process.exitValue()).isEqualTo(137);
    assertThat(PlanWriter.interrupted(out)).isTrue();

    PlanWriter.recover(out);

    assertThat(snapshot(out)).isEqualTo(before);
  }

  @ParameterizedTest
  @MethodSource("firstSteps")
  void aFirstGenerationThatFailsLeavesNoFolderBehind(String failAt) throws IOException {
    Path out = parent.resolve("new/out");
    PlanWriter crashing =
        new PlanWriter(
            step -> {
              if (step.equals(failAt)) {
                throw new Crash(step);
              }
            });
    assertThrows(Crash.class, () -> generate(out, FIRST, crashing));
    PlanWriter.recover(out);
    if (failAt.equals("committed")) {
      assertThat(snapshot(out).keySet()).contains("pom.xml");
    } else {
      assertThat(Files.exists(out)).isFalse();
    }
    assertThat(snapshot(out.getParent()).keySet().stream().filter(p -> p.startsWith(".")))
        .isEmpty();
  }

  static Stream<String> firstSteps() throws IOException {
    Path scratch = Files.createTempDirectory("steps");
    try {
      List<String> steps = new ArrayList<>();
      generate(scratch.resolve("out"), FIRST, new PlanWriter(steps::add));
      return steps.stream();
    } finally {
      deleteTree(scratch);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    }
  }
}
