package dev.tracepaper.maven;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.task.Generation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What makes {@code generate} run again after a successful generation of the library example: each
 * input on its own, and nothing else.
 */
class GenerationStampTest {

  /** The library example and its project, generated once; each test works on a copy. */
  @TempDir static Path generatedOnce;

  @TempDir Path project;

  private Path model;
  private Path target;
  private GenerationStamp stamp;

  @BeforeAll
  static void generate() throws IOException {
    copy(
        Path.of(System.getProperty("tracepaper.examples"), "library"),
        generatedOnce.resolve("model"));
    Generation.Result result =
        Generation.run(
            new Generation.Request(
                List.of(generatedOnce.resolve("model")), generatedOnce, null, null, false, false));
    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.target()).isEqualTo(generatedOnce.resolve("generated/library"));
  }

  @BeforeEach
  void copyAndStamp() throws IOException {
    copy(generatedOnce, project);
    model = project.resolve("model");
    target = project.resolve("generated/library");
    stamp = new GenerationStamp(project.resolve("target"));
    stamp.record(List.of(model), null, target, templates());
  }

  /** The templates the library's automations fill, beside its model. */
  private List<Path> templates() {
    return Stream.of("welcome-member.html", "reorder-lost-book.json", "weekly-loan-report.txt")
        .map(model::resolve)
        .toList();
  }

  @Test
  void upToDateWhenNothingChanged() throws IOException {
    assertThat(stamp.upToDate(List.of(model), null, null)).hasValue(target.toAbsolutePath());
    assertThat(stamp.upToDate(List.of(model), null, target)).isPresent();
  }

  @Test
  void anEditOfTheModelGeneratesAgain() throws IOException {
    Path catalog = model.resolve("catalog.yaml");
    Files.writeString(catalog, "\n# a comment\n", StandardOpenOption.APPEND);
    assertThat(stamp.upToDate(List.of(model), null, null)).isEmpty();
  }

  @Test
  void anEditOfATemplateAnAutomationFillsGeneratesAgain() throws IOException {
    Files.writeString(model.resolve("welcome-member.html"), "<p>Hello {{name}}</p>\n");
    assertThat(stamp.upToDate(List.of(model), null, null)).isEmpty();
  }

  @Test
  void theTemplatesAreTheOnesTheModelFills() throws IOException {
    dev.tracepaper.validate.ValidationReport report =
        new dev.tracepaper.validate.Validator(List.of()).validate(List.of(model), project);
    assertThat(dev.tracepaper.automation.Activities.templateFiles(report.model(), project))
        .containsExactlyElementsIn(templates());
  }

  @Test
  void anotherOutputFolderGeneratesAgain() throws IOException {
    assertThat(stamp.upToDate(List.of(model), null, project.resolve("elsewhere"))).isEmpty();
  }

  @Test
  void aTemplatesFolderAndAnEditOfItGenerateAgain() throws IOException {
    Path templates = Files.createDirectories(project.resolve("templates"));
    assertThat(stamp.upToDate(List.of(model), templates, null)).isEmpty();
    stamp.record(List.of(model), templates, target, templates());
    assertThat(stamp.upToDate(List.of(model), templates, null)).isPresent();
    Files.writeString(templates.resolve("README.md.ftl"), "mine", StandardCharsets.UTF_8);
    assertThat(stamp.upToDate(List.of(model), templates, null)).isEmpty();
  }

  @Test
  void anEditOfAnExtensionFileGeneratesAgain() throws IOException {
    Files.writeString(
        target.resolve("extensions/template.yaml"), "\n# more\n", StandardOpenOption.APPEND);
    assertThat(stamp.upToDate(List.of(model), null, null)).isEmpty();
  }

  @Test
  void aGeneratedFileDeletedOrTouchedGeneratesAgain() throws IOException {
    Path makefile = target.resolve("Makefile");
    Files.setLastModifiedTime(makefile, FileTime.fromMillis(0));
    assertThat(stamp.upToDate(List.of(model), null, null)).isEmpty();
    stamp.record(List.of(model), null, target, templates());
    Files.delete(makefile);
    assertThat(stamp.upToDate(List.of(model), null, null)).isEmpty();
  }

  @Test
  void handWrittenFilesInTheOutputAreNoInput() throws IOException {
    Files.writeString(target.resolve("NOTES.md"), "mine", StandardCharsets.UTF_8);
    assertThat(stamp.upToDate(List.of(model), null, null)).isPresent();
  }

  @Test
  void noStampNoSkip() throws IOException {
    assertThat(new GenerationStamp(project.resolve("other")).upToDate(List.of(model), null, null))
        .isEmpty();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path copy = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);

        } else {
          Files.copy(path, copy);
        }
      }
    }
  }
}
