package dev.tracepaper.render;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.TestPaths;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.output.FileTree;
import dev.tracepaper.output.GeneratedFile;
import dev.tracepaper.render.build.ProjectDataBuilder;
import dev.tracepaper.validate.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files of generated projects: each folder of {@code generated/} holds a {@code model.yaml}
 * and, under {@code expected/}, every file its project must contain, byte for byte. Run with {@code
 * -Dgolden.update=true} to rewrite {@code expected/}, then review the diff as you would review
 * hand-written code: it is what users get.
 */
class GeneratedGoldenTest {

  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> folders = Files.list(root())) {
      return folders
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  private static Path root() {
    return TestPaths.root().resolve("generator/src/test/resources/generated");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void generatedFilesMatchTheGoldenFiles(String name) throws Exception {
    Path folder = root().resolve(name);
    Map<String, String> actual = render(folder.resolve("model.yaml"));
    Path expectedFolder = folder.resolve("expected");
    if (UPDATE) {
      rewrite(expectedFolder, actual);
    }
    Map<String, String> expected = read(expectedFolder);
    assertWithMessage("files generated for %s (rerun with -Dgolden.update=true)", name)
        .that(actual.keySet())
        .containsExactlyElementsIn(expected.keySet());
    for (Map.Entry<String, String> file : expected.entrySet()) {
      assertWithMessage("%s of %s (rerun with -Dgolden.update=true)", file.getKey(), name)
          .that(actual.get(file.getKey()))
          .isEqualTo(file.getValue());
    }
  }

  static Map<String, String> render(Path model) throws Exception {
    Validator.Outcome outcome = new Validator().run(List.of(model), TestPaths.root());
    ModelIndex index = outcome.index().orElseThrow();
    assertWithMessage("diagnostics of %s", model).that(outcome.report().hasErrors()).isFalse();
    FileTree tree = ProjectRenderer.packaged().render(ProjectDataBuilder.build(index));
    Map<String, String> files = new TreeMap<>();
    for (GeneratedFile file : tree.files()) {
      // The runtime's repository is binary and changes with every build of the runtime:
      // RuntimeRepositoryTest checks it.
      if (!file.relativePath().startsWith(RuntimeRepository.FOLDER + "/")) {
        files.put(file.relativePath(), new String(file.content(), StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private static Map<String, String> read(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String path = folder.relativize(file).toString().replace('\\', '/');
        files.put(path, Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private static void rewrite(Path folder, Map<String, String> files) throws IOException {
    if (Files.isDirectory(folder)) {
      try (Stream<Path> walk = Files.walk(folder)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = folder.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
    }
  }
}
