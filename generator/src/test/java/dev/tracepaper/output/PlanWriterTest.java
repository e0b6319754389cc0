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
