package dev.tracepaper.output;

import static com.google.common.truth.Truth.assertThat;
import static dev.tracepaper.output.GeneratedFileTest.file;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AtomicTreeWriterTest {

  /** Stands for the process dying: no catch block of the writer runs for it. */
  static final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash(String step) {
      super("simulated crash at " + step);
    }
  }

  @TempDir Path parent;

  private static final FileTree FIRST =
      FileTree.of(
          file("pom.xml", "<project/>\n"),
          file("src/main/java/a/A.java", "class A {}\n"),
          file("src/main/java/a/B.java", "class B {}\n"),
          file("README.md", "Caf\u00E9 \uD83D\uDE00\n"),
          new GeneratedFile("bin/data", new byte[] {0, (byte) 0xff, 10, 13}));

  private static final FileTree SECOND =
      FileTree.of(
          file("pom.xml", "<project>2</project>\n"),
          file("src/main/java/a/A.java", "class A { int x; }\n"),
          file("template.yaml", "Resources: {}\n"));

  @Test
  void writesATreeThatReadsBackByteIdentically() throws IOException {
    Path out = parent.resolve("out");
    new AtomicTreeWriter().write(out, FIRST);
    assertHolds(out, FIRST);
    assertThat(Files.readString(out.resolve(AtomicTreeWriter.MARKER), UTF_8))
        .endsWith("README.md\nbin/data\npom.xml\nsrc/main/java/a/A.java\nsrc/main/java/a/B.java\n");
    assertNoLeftovers();
  }

  @Test
  void theSameTreeGivesTheSameBytes() throws IOException {
    Path one = parent.resolve("one");
    Path two = parent.resolve("two");
    new AtomicTreeWriter().write(one, FIRST);
    new AtomicTreeWriter().write(two, FIRST);
    Map<String, String> before = contents(one);
    assertThat(contents(two)).isEqualTo(before);
    new AtomicTreeWriter().write(one, FIRST);
    assertThat(contents(one)).isEqualTo(before);
  }

  @Test
  void replacesThePreviousTreeAsAWhole() throws IOException {
    Path out = parent.resolve("out");
    new AtomicTreeWriter().write(out, FIRST);
    new AtomicTreeWriter().write(out, SECOND);
    assertHolds(out, SECOND);
    assertThat(Files.exists(out.resolve("README.md"))).isFalse();
    assertThat(Files.exists(out.resolve("src/main/java/a/B.java"))).isFalse();
    assertNoLeftovers();
  }

  @Test
  void buildOutputOfTheGeneratedProjectDoesNotBlockRegeneration() throws IOException {
    Path out = parent.resolve("out");
    new AtomicTreeWriter().write(out, FIRST);
    Files.createDirectories(out.resolve("target/classes/a"));
    Files.writeString(out.resolve("target/classes/a/A.class"), "compiled");
    Files.createDirectories(out.resolve(".aws-sam/build"));
    Files.writeString(out.resolve(".aws-sam/build/template.yaml"), "built");

    new AtomicTreeWriter().write(out, SECOND);

    assertHolds(out, SECOND);
    assertThat(Files.exists(out.resolve("target"))).isFalse();
    assertNoLeftovers();
  }

  @Test
  void aFileNamedLikeBuildOutputOutsideItsFolderStillBlocks() throws IOException {
    Path out = parent.resolve("out");
    new AtomicTreeWriter().write(out, FIRST);
    Files.writeString(out.resolve("targets.txt"), "mine");

    assertThrows(OutputRefusedException.class, () -> new AtomicTreeWriter().write(out, SECOND));
    assertThat(Files.readString(out.resolve("targets.txt"), UTF_8)).isEqualTo("mine");
  }

  @Test
  void writesIntoAnEmptyExistingFolderAndCreatesMissingParents() throws IOException {
    Path empty = Files.createDirectory(parent.resolve("empty"));
    new AtomicTreeWriter().write(empty, FIRST);
    assertHolds(empty, FIRST);
    Path deep = parent.resolve("x/y/out");
    new AtomicTreeWriter().write(deep, SECOND);
    assertHolds(deep, SECOND);
  }

  @Test
  void aFailureHalfWayLeavesThePreviousTreeAndNoStaging() throws IOException {
    Path out = parent.resolve("out");
    new AtomicTreeWriter().write(out, FIRST);
    AtomicTreeWriter failing =
        new AtomicTreeWriter(
            step -> {
              if (step.equals("write src/main/java/a/A.java")) {
                throw new IOException("No space left on device");
              }
            });
    IOException e = assertThrows(IOException.class, () -> failing.write(out, SECOND));
    assertThat(e).hasMessageThat().contains("No space left");
    assertHolds(out, FIRST);
    assertNoLeftovers();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "write pom.xml",
        "write template.yaml",
        "staged",
        "previous moved aside",
        "new moved in"
      })
  void aCrashAtAnyStepIsRecoveredByTheNextRun(String crashStep) throws IOException {
    Path out = parent.resolve("out");
    new AtomicTreeWriter().write(out, FIRST);
    AtomicTreeWriter crashing =
        new AtomicTreeWriter(
            step -> {
              if (step.equals(crashStep)) {
                throw new Crash(step);
              }
            });
    assertThrows(Crash.class, () -> crashing.write(out, SECOND));

    // What a reader finds after the crash: a complete tree, old or new, or (only between the
    // two renames) no folder and the complete old tree beside it.
    if (Files.exists(out)) {
      Map<String, String> found = contents(out);
      assertThat(found).isAnyOf(expected(FIRST), expected(SECOND));
    } else {
      assertThat(crashStep).isEqualTo("previous moved aside");
      assertHolds(AtomicTreeWriter.sibling(out, "old"), FIRST);
    }

    // A run that fails before swapping restores the previous generation, not a half state.
    AtomicTreeWriter failing =
        new AtomicTreeWriter(
            step -> {
              if (step.startsWith("write ")) {
                throw new IOException("disk full");
              }
            });
    assertThrows(IOException.class, () -> failing.write(out, FileTree.of(file("x", ""))));
    assertThat(contents(out)).isAnyOf(expected(FIRST), expected(SECOND));
    assertNoLeftovers();

    new AtomicTreeWriter().write(out, SECOND);
    assertHolds(out, SECOND);
    assertNoLeftovers();
  }

  @Test
  void refusesAForeignNonEmptyFolderAndChangesNothing() throws IOException {
    Path out = Files.createDirectory(parent.resolve("project"));
    Files.writeString(out.resolve("notes.txt"), "mine", UTF_8);
    OutputRefusedException e =
        assertThrows(OutputRefusedException.class, () -> new AtomicTreeWriter().write(out, FIRST));
    assertThat(e).hasMessageThat().contains("was not generated by Tracepaper");
    assertThat(contents(out)).containsExactly("notes.txt", "mine");
    assertNoLeftovers();
  }

  @Test
  void refusesToDeleteFilesAddedToAGeneratedFolder() throws IOException {
    Path out = parent.resolve("out");
    new AtomicTreeWriter().write(out, FIRST);
    Files.writeString(out.resolve("src/main/java/a/Custom.java"), "hand-written", UTF_8);
    OutputRefusedException e =
        assertThrows(OutputRefusedException.class, () -> new AtomicTreeWriter().write(out, SECOND));
    assertThat(e).hasMessageThat().contains("src/main/java/a/Custom.java");
    assertThat(Files.readString(out.resolve("src/main/java/a/Custom.java"), UTF_8))
        .isEqualTo("hand-written");
  }

  @Test
  void refusesAFileOrSymbolicLinkAsOutput() throws IOException {
    Path file = Files.writeString(parent.resolve("file"), "x", UTF_8);
    assertThrows(OutputRefusedException.class, () -> new AtomicTreeWriter().write(file, FIRST));
    Path target = Files.createDirectory(parent.resolve("target"));
    Path link = parent.resolve("link");
    try {
      Files.createSymbolicLink(link, target);
    } catch (UnsupportedOperationException | IOException e) {
      return; // no symbolic links on this file system
    }
    assertThrows(OutputRefusedException.class, () -> new AtomicTreeWriter().write(link, FIRST));
  }

  @Test
  void refusesToTouchAForeignFolderNamedLikeALeftover() throws IOException {
    Path out = parent.resolve("out");
    Path lookalike = Files.createDirectory(AtomicTreeWriter.sibling(out, "new"));
    Files.writeString(lookalike.resolve("keep.txt"), "mine", UTF_8);
    assertThrows(OutputRefusedException.class, () -> new AtomicTreeWriter().write(out, FIRST));
    assertThat(Files.readString(lookalike.resolve("keep.txt"), UTF_8)).isEqualTo("mine");
  }

  @Test
  void leftoversOfACrashDuringCleanupAreFinishedByTheNextRun() throws IOException {
    Path out = parent.resolve("out");
    new AtomicTreeWriter().write(out, SECOND);
    // A previous tree half-deleted (marker last, so it is still there) and a staging folder that
    // died before its marker was written.
    Path old = Files.createDirectories(AtomicTreeWriter.sibling(out, "old").resolve(".tracepaper"));
    Files.writeString(old.resolve("generated"), "# marker\nsrc/x\n", UTF_8);
    Files.createDirectories(AtomicTreeWriter.sibling(out, "old").resolve("src/main"));
    Files.writeString(AtomicTreeWriter.sibling(out, "old").resolve("src/main/x"), "x", UTF_8);
    Files.createDirectories(AtomicTreeWriter.sibling(out, "new").resolve(".tracepaper"));
    new AtomicTreeWriter().write(out, FIRST);
    assertHolds(out, FIRST);
    assertNoLeftovers();
  }

  private static Map<String, String> expected(FileTree tree) {
    Map<String, String> files = new TreeMap<>();
    for (GeneratedFile file : tree.files()) {
      files.put(file.relativePath(), new String(file.content(), UTF_8));
    }
    return files;
  }

  private static void assertHolds(Path folder, FileTree tree) throws IOException {
    Map<String, String> found = contents(folder);
    found.remove(AtomicTreeWriter.MARKER);
    assertThat(found).isEqualTo(expected(tree));
    for (GeneratedFile file : tree.files()) {
      assertThat(Files.readAllBytes(folder.resolve(file.relativePath()))).isEqualTo(file.content());
    }
  }

  /** Every file below the folder (without the marker), by relative path. */
  private static Map<String, String> contents(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        String relative = folder.relativize(path).toString().replace('\\', '/');
        if (!relative.equals(AtomicTreeWriter.MARKER)) {
          files.put(relative, new String(Files.readAllBytes(path), UTF_8));
        }
      }
    }
    return files;
  }

  private void assertNoLeftovers() throws IOException {
    try (Stream<Path> entries = Files.list(parent)) {
      assertThat(entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")))
          .isEmpty();
    }
  }
}
