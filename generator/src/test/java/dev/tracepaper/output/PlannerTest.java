package dev.tracepaper.output;

import static com.google.common.truth.Truth.assertThat;
import static dev.tracepaper.output.Folders.generate;
import static dev.tracepaper.output.Folders.plan;
import static dev.tracepaper.output.GeneratedFileTest.file;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {

  @TempDir Path parent;

  private static final FileTree FIRST =
      FileTree.of(
          file("pom.xml", "<project/>\n"),
          file("src/a/A.java", "class A {}\n"),
          file("src/a/B.java", "class B {}\n"),
          file("src/old/Gone.java", "class Gone {}\n"));

  private static final FileTree SECOND =
      FileTree.of(
          file("pom.xml", "<project/>\n"),
          file("src/a/A.java", "class A { int x; }\n"),
          file("src/a/B.java", "class B {}\n"),
          file("src/c/C.java", "class C {}\n"));

  private static GeneratedFile stub(String path, String text) {
    return new GeneratedFile(path, text.getBytes(UTF_8), false, true);
  }

  private static Map<String, Action> actions(Plan plan) {
    Map<String, Action> actions = new TreeMap<>();
    plan.changes().forEach(c -> actions.put(c.path(), c.action()));
    return actions;
  }

  @Test
  void aFirstGenerationCreatesEveryFileAndRecordsItsHash() throws IOException {
    Path out = parent.resolve("out");
    Plan plan = generate(out, FIRST);
    assertThat(plan.with(Action.CREATE)).hasSize(4);
    Manifest manifest = Manifest.read(out).orElseThrow();
    assertThat(manifest.files().keySet())
        .containsExactly("pom.xml", "src/a/A.java", "src/a/B.java", "src/old/Gone.java");
    assertThat(manifest.files().get("pom.xml"))
        .isEqualTo(Hashes.sha256("<project/>\n".getBytes(UTF_8)));
    assertThat(manifest.generator()).isEqualTo("tracepaper test");
    assertThat(manifest.modelHash()).isEqualTo("sha256:model");
  }

  /**
   * A folder that does not exist yet is planned without looking at any file's path; the plan is the
   * one an empty folder gets.
   */
  @Test
  void aMissingFolderIsPlannedAsAnEmptyOne() throws IOException {
    FileTree tree =
        FileTree.of(
            file("pom.xml", "<project/>\n"),
            file("src/a/A.java", "class A {}\n"),
            stub("src/a/ACustom.java", "class ACustom {}\n"));
    Manifest manifest = Manifest.of("tracepaper test", "sha256:model", tree);
    Path empty = Files.createDirectory(parent.resolve("empty"));

    Plan missing = Planner.plan(parent.resolve("missing"), tree, manifest, false);
    Plan inEmpty = Planner.plan(empty, tree, manifest, false);

    assertThat(missing.changes().stream().map(c -> c.action() + " " + c.reason()).toList())
        .isEqualTo(inEmpty.changes().stream().map(c -> c.action() + " " + c.reason()).toList());
    assertThat(missing.with(Action.CREATE)).hasSize(3);
  }

  @Test
  void regeneratingWritesOnlyWhatChangedAndDeletesWhatIsGone() throws IOException {
    Path out = parent.resolve("out");
    generate(out, FIRST);
    Folders.age(out);
    var before = Folders.times(out);

    Plan plan = generate(out, SECOND);

    assertThat(actions(plan))
        .containsExactly(
            "pom.xml", Action.UNCHANGED,
            "src/a/A.java", Action.UPDATE,
            "src/a/B.java", Action.UNCHANGED,
            "src/c/C.java", Action.CREATE,
            "src/old/Gone.java", Action.DELETE);
    var after = Folders.times(out);
    assertThat(after.get("pom.xml")).isEqualTo(before.get("pom.xml"));
    assertThat(after.get("src/a/B.java")).isEqualTo(before.get("src/a/B.java"));
    assertThat(after.get("src/a/A.java")).isNotEqualTo(before.get("src/a/A.java"));
    assertThat(Files.readString(out.resolve("src/a/A.java"))).isEqualTo("class A { int x; }\n");
    assertThat(Files.exists(out.resolve("src/old"))).isFalse();
  }

  @Test
  void theSameTreeTwiceTouchesNothing() throws IOException {
    Path out = parent.resolve("out");
    generate(out, FIRST);
    Folders.age(out);
    var before = Folders.times(out);
    Plan plan = generate(out, FIRST);
    assertThat(plan.count(Action.UNCHANGED)).isEqualTo(4);
    assertThat(plan.manifestChanged()).isFalse();
    assertThat(Folders.times(out)).isEqualTo(before);
  }

  @Test
  void foreignFilesAreNeverTouchedAndTheirFoldersStay() throws IOException {
    Path out = parent.resolve("out");
    generate(out, FIRST);
    Files.writeString(out.resolve("src/old/Mine.java"), "mine\n");
    Files.writeString(out.resolve("NOTES.md"), "notes\n");
    Files.createDirectories(out.resolve("target/classes"));
    Files.writeString(out.resolve("target/classes/A.class"), "bytes");

    Plan plan = generate(out, SECOND);

    assertThat(actions(plan)).doesNotContainKey("NOTES.md");
    assertThat(Files.readString(out.resolve("src/old/Mine.java"))).isEqualTo("mine\n");
    assertThat(Files.readString(out.resolve("NOTES.md"))).isEqualTo("notes\n");
    assertThat(Files.exists(out.resolve("target/classes/A.class"))).isTrue();
    assertThat(Files.exists(out.resolve("src/old/Gone.java"))).isFalse();
  }

  @Test
  void aGeneratedFileEditedByHandIsAConflictUnlessForced() throws IOException {
    Path out = parent.resolve("out");
    generate(out, FIRST);
    Files.writeString(out.resolve("src/a/A.java"), "class A { /* mine */ }\n");
    Files.writeString(out.resolve("src/old/Gone.java"), "class Gone { /* mine */ }\n");
    var before = Folders.snapshot(out);

    Plan plan = plan(out, SECOND, false);
    assertThat(plan.with(Action.CONFLICT).stream().map(Change::path))
        .containsExactly("src/a/A.java", "src/old/Gone.java");
    assertThat(plan.with(Action.CONFLICT).get(0).reason())
        .isEqualTo("edited by hand since the last generation");
    assertThat(plan.with(Action.CONFLICT).get(1).reason())
        .isEqualTo("edited by hand since the last generation, and the model no longer gives it");
    assertThrows(IllegalStateException.class, () -> new PlanWriter().write(plan));
    assertThat(Folders.snapshot(out)).isEqualTo(before);

    Plan forced = plan(out, SECOND, true);
    assertThat(forced.hasConflicts()).isFalse();
    assertThat(actions(forced)).containsEntry("src/a/A.java", Action.UPDATE);
    assertThat(actions(forced)).containsEntry("src/old/Gone.java", Action.DELETE);
    new PlanWriter().write(forced);
    assertThat(Files.readString(out.resolve("src/a/A.java"))).isEqualTo("class A { int x; }\n");
  }

  @Test
  void aFileTracepaperDidNotWriteIsAConflictEvenWhenForced() throws IOException {
    Path out = Files.createDirectories(parent.resolve("out"));
    Files.writeString(out.resolve("pom.xml"), "<project>mine</project>\n");
    for (boolean force : new boolean[] {false, true}) {
      Plan plan = plan(out, FIRST, force);
      assertThat(actions(plan)).containsEntry("pom.xml", Action.CONFLICT);
      assertThat(plan.with(Action.CONFLICT).get(0).reason())
          .startsWith("exists, but Tracepaper did not write it");
    }
  }

  @Test
  void aFileAlreadyHoldingTheGeneratedContentIsAdopted() throws IOException {
    Path out = Files.createDirectories(parent.resolve("out"));
    Files.writeString(out.resolve("pom.xml"), "<project/>\n");
    Plan plan = generate(out, FIRST);
    assertThat(actions(plan)).containsEntry("pom.xml", Action.UNCHANGED);
    assertThat(Manifest.read(out).orElseThrow().files()).containsKey("pom.xml");
  }

  @Test
  void aStubIsCreatedOnceAndThenNeverTouched() throws IOException {
    Path out = parent.resolve("out");
    FileTree withStub =
        FileTree.of(file("src/Api.java", "interface Api {}\n"), stub("src/Impl.java", "stub\n"));
    Plan first = generate(out, withStub);
    assertThat(actions(first)).containsEntry("src/Impl.java", Action.CREATE);
    assertThat(Manifest.read(out).orElseThrow().stubs()).containsKey("src/Impl.java");
    assertThat(Manifest.read(out).orElseThrow().files()).doesNotContainKey("src/Impl.java");

    Files.writeString(out.resolve("src/Impl.java"), "my code\n");
    FileTree changedStub =
        FileTree.of(
            file("src/Api.java", "interface Api { void x(); }\n"),
            stub("src/Impl.java", "stub v2\n"));
    Plan second = generate(out, changedStub);
    assertThat(actions(second)).containsEntry("src/Impl.java", Action.KEEP);
    assertThat(Files.readString(out.resolve("src/Impl.java"))).isEqualTo("my code\n");
  }

  @Test
  void aStubTheModelNoLongerNeedsGoesOnlyIfNeverEdited() throws IOException {
    Path out = parent.resolve("out");
    generate(
        out,
        FileTree.of(
            file("src/Api.java", "interface Api {}\n"),
            stub("src/Untouched.java", "stub\n"),
            stub("src/Edited.java", "stub\n")));
    Files.writeString(out.resolve("src/Edited.java"), "my code\n");

    Plan plan = generate(out, FileTree.of(file("src/Api.java", "interface Api {}\n")));

    assertThat(actions(plan)).containsEntry("src/Untouched.java", Action.DELETE);
    assertThat(actions(plan)).containsEntry("src/Edited.java", Action.KEEP);
    assertThat(plan.changes().stream().filter(c -> c.path().equals("src/Edited.java")).findFirst())
        .hasValue(
            Change.without(
                "src/Edited.java",
                Action.KEEP,
                "hand-written for a custom element the model no longer has: delete it or adapt"
                    + " it, as it may no longer compile"));
    assertThat(Files.exists(out.resolve("src/Untouched.java"))).isFalse();
    assertThat(Files.readString(out.resolve("src/Edited.java"))).isEqualTo("my code\n");
  }

  @Test
  void aSymbolicLinkOnTheWayIsAConflict() throws IOException {
    Path out = Files.createDirectories(parent.resolve("out"));
    Path elsewhere = Files.createDirectories(parent.resolve("elsewhere"));
    Files.createSymbolicLink(out.resolve("src"), elsewhere);
    Plan plan = plan(out, FIRST, true);
    assertThat(actions(plan)).containsEntry("src/a/A.java", Action.CONFLICT);
    assertThat(plan.with(Action.CONFLICT).get(0).reason())
        .isEqualTo("its folder src is a symbolic link");
  }

  @Test
  void anOutputThatIsAFileIsRefused() throws IOException {
    Path out = Files.writeString(parent.resolve("out"), "x");
    OutputRefusedException e =
        assertThrows(OutputRefusedException.class, () -> plan(out, FIRST, false));
    assertThat(e).hasMessageThat().contains("exists and is not a folder");
  }

  @Test
  void aDamagedManifestIsRefusedWithWhatToDo() throws IOException {
    Path out = parent.resolve("out");
    generate(out, FIRST);
    Files.writeString(out.resolve(Manifest.PATH), "{\"format\": 1, \"files\": ");
    OutputRefusedException e =
        assertThrows(OutputRefusedException.class, () -> plan(out, SECOND, false));
    assertThat(e).hasMessageThat().contains("cannot be read: it is not valid JSON");
    assertThat(e).hasMessageThat().contains("restore it from version control, or delete it");
  }

  @Test
  void aFolderOfTheVersionBeforeManifestsRegeneratesCleanly() throws IOException {
    Path out = Files.createDirectories(parent.resolve("out/.tracepaper"));
    out = out.getParent();
    for (GeneratedFile file : FIRST.files()) {
      Files.createDirectories(out.resolve(file.relativePath()).getParent());
      Files.write(out.resolve(file.relativePath()), file.content());
    }
    Files.writeString(
        out.resolve(Manifest.LEGACY_MARKER),
        "# Written by Tracepaper.\npom.xml\nsrc/a/A.java\nsrc/a/B.java\nsrc/old/Gone.java\n");

    Plan plan = generate(out, SECOND);

    assertThat(plan.hasConflicts()).isFalse();
    assertThat(actions(plan)).containsEntry("src/old/Gone.java", Action.DELETE);
    assertThat(Files.exists(out.resolve(Manifest.LEGACY_MARKER))).isFalse();
    assertThat(Manifest.read(out).orElseThrow().files().keySet())
        .containsExactly("pom.xml", "src/a/A.java", "src/a/B.java", "src/c/C.java");
  }
}
