package dev.tracepaper.cli;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.TestPaths;
import dev.tracepaper.output.Hashes;
import dev.tracepaper.render.RuntimeRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tracepaper generate} as a user meets it: what is written, what is not, exit codes. */
class GenerateCommandTest {

  @TempDir Path temp;

  private static String library() {
    return TestPaths.examples().resolve("library").toString();
  }

  @Test
  void generatesTheLibraryProject() throws IOException {
    Path out = temp.resolve("library");

    CliTest.Run run = CliTest.run("generate", library(), "-o", out.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).containsMatch("Generated into .*library: \\d+ created; in \\d+ ms");
    assertThat(
            Files.readString(out.resolve("src/main/java/com/example/library/book/BookState.java")))
        .contains("public record BookState(");
    assertThat(Files.isExecutable(out.resolve("mvnw"))).isTrue();
  }

  @Test
  void anInvalidModelWritesNothingAndExitsOne() throws IOException {
    Path model = temp.resolve("broken.yaml");
    Files.writeString(
        model,
        """
        tracepaper: 1
        app: {name: shop, package: com.example.shop}
        aggregates:
          Order:
            key: orderId
            fields: {orderId: String}
            commands:
              PlaceOrder:
                creates: true
                fields: {orderId: String}
                emits: [OrderPlaced]
        """);
    Path out = temp.resolve("shop");

    CliTest.Run run = CliTest.run("generate", model.toString(), "-o", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
    assertThat(run.out()).contains("UnknownEvent");
    assertThat(run.out()).contains("Nothing was generated");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void generatesBesideFilesItDidNotWriteAndNeverTouchesThem() throws IOException {
    Path out = temp.resolve("mine");
    Files.createDirectories(out.resolve("src"));
    Files.writeString(out.resolve("notes.txt"), "my own work");
    Files.writeString(out.resolve("src/Mine.java"), "class Mine {}");

    CliTest.Run run = CliTest.run("generate", library(), "-o", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("my own work");
    assertThat(Files.readString(out.resolve("src/Mine.java"))).isEqualTo("class Mine {}");
    assertThat(Files.exists(out.resolve("pom.xml"))).isTrue();
  }

  @Test
  void aFileItDidNotWriteInTheWayStopsTheRunAndNothingIsWritten() throws IOException {
    Path out = temp.resolve("mine");
    Files.createDirectories(out);
    Files.writeString(out.resolve("pom.xml"), "<project>my own</project>");

    CliTest.Run run = CliTest.run("generate", library(), "-o", out.toString(), "--force");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err())
        .contains(
            "nothing was written to "
                + out.toAbsolutePath()
                + ": 1 file would lose someone's work:\n"
                + "  pom.xml: exists, but Tracepaper did not write it; move it away, or delete it,"
                + " and run again\n");
    assertThat(Files.readString(out.resolve("pom.xml"))).isEqualTo("<project>my own</project>");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("pom.xml");
    }
  }

  @Test
  void aGeneratedFileEditedByHandStopsTheRunUnlessForced() throws IOException {
    Path out = temp.resolve("library");
    CliTest.run("generate", library(), "-o", out.toString());
    Path readme = out.resolve("README.md");
    Files.writeString(readme, "my notes", java.nio.file.StandardOpenOption.APPEND);
    Path pom = out.resolve("pom.xml");
    String pomBefore = Files.readString(pom);
    Files.delete(out.resolve("schema.graphql"));

    CliTest.Run refused = CliTest.run("generate", library(), "-o", out.toString());

    assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(refused.err())
        .contains(
            "1 file would lose someone's work:\n"
                + "  README.md: edited by hand since the last generation\n");
    assertThat(refused.err()).contains("--force");
    assertThat(Files.readString(readme)).endsWith("my notes");
    assertThat(Files.exists(out.resolve("schema.graphql"))).isFalse();

    CliTest.Run forced = CliTest.run("generate", library(), "-o", out.toString(), "--force");

    assertThat(forced.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(forced.out())
        .contains("update README.md: edited by hand, replaced because of --force");
    assertThat(forced.out()).containsMatch("1 created, 1 updated, \\d+ unchanged");
    assertThat(Files.readString(readme)).doesNotContain("my notes");
    assertThat(Files.readString(pom)).isEqualTo(pomBefore);
  }

  @Test
  void regeneratingAnUnchangedModelLeavesEveryFileAsItWas() throws IOException {
    Path out = temp.resolve("library");
    CliTest.run("generate", library(), "-o", out.toString());
    Map<String, List<Object>> before = identities(out);

    CliTest.Run run = CliTest.run("generate", library(), "-o", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out())
        .containsMatch("Generated into .*library: [\\d,]+ unchanged(, \\d+ hand-written kept)?;");
    // Same inode and same modification time: no file was rewritten, renamed or touched.
    assertThat(identities(out)).isEqualTo(before);
  }

  /** Each file's inode (where the file system has one) and modification time, by path. */
  private static Map<String, List<Object>> identities(Path folder) throws IOException {
    Map<String, List<Object>> found = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        var attributes =
            Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class);
        found.put(
            folder.relativize(path).toString(),
            java.util.Arrays.asList(attributes.fileKey(), attributes.lastModifiedTime()));
      }
    }
    return found;
  }

  @Test
  void dryRunListsEachFileWithItsActionAndWritesNothing() throws IOException {
    Path out = temp.resolve("library");
    CliTest.run("generate", library(), "-o", out.toString());
    Files.writeString(out.resolve("README.md"), "mine\n");
    Files.delete(out.resolve("schema.graphql"));
    Map<String, String> before = contents(out);

    CliTest.Run run = CliTest.run("generate", library(), "-o", out.toString(), "--dry-run");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.out())
        .contains("conflict  README.md  (edited by hand since the last generation)\n");
    assertThat(run.out()).contains("create    schema.graphql\n");
    assertThat(run.out()).contains("unchanged pom.xml\n");
    assertThat(run.out())
        .containsMatch(
            "Dry run, nothing written to .*library: 1 to create, \\d+ unchanged, 1"
                + " hand-written kept, 1 in conflict\\.");
    assertThat(contents(out)).isEqualTo(before);
  }

  @Test
  void diffShowsEachChangeAsAUnifiedDiff() throws IOException {
    Path out = temp.resolve("library");
    CliTest.run("generate", library(), "-o", out.toString());
    Path schema = out.resolve("schema.graphql");
    List<String> lines = Files.readAllLines(schema);
    Files.delete(schema);

    CliTest.Run run = CliTest.run("generate", library(), "-o", out.toString(), "--diff", "-q");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out())
        .startsWith(
            "create    schema.graphql\n"
                + "--- /dev/null\n"
                + "+++ b/schema.graphql\n"
                + "@@ -0,0 +1,"
                + lines.size()
                + " @@\n+"
                + lines.get(0)
                + "\n");
    assertThat(Files.exists(schema)).isFalse();
  }

  @Test
  void diffNamesAChangedJarInsteadOfPrintingItsBytes() throws IOException {
    Path out = temp.resolve("library");

    CliTest.Run run = CliTest.run("generate", library(), "-o", out.toString(), "--diff", "-q");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out())
        .containsMatch(
            "create    (\\.mvn/repository/\\S+\\.jar)\nBinary files /dev/null and b/\\1 differ\n");
    assertThat(run.out()).doesNotContain("\u0000");
  }

  @Test
  void theManifestRecordsTheGeneratorTheModelAndEveryFile() throws IOException {
    Path out = temp.resolve("library");
    CliTest.run("generate", library(), "-o", out.toString());

    tools.jackson.databind.JsonNode manifest =
        tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .readTree(out.resolve(".tracepaper/manifest.json").toFile());

    assertThat(manifest.path("generator").asText())
        .isEqualTo("tracepaper " + VersionProvider.version());
    assertThat(manifest.path("model").asText()).matches("sha256:[0-9a-f]{64}");
    assertThat(manifest.path("files").path("pom.xml").asText())
        .isEqualTo(dev.tracepaper.output.Hashes.sha256(Files.readAllBytes(out.resolve("pom.xml"))));
    // Every file but the extension starters, which are the user's from the start.
    Map<String, String> files = contents(out);
    for (String starter : List.of("extensions/template.yaml", "extensions/pom.xml")) {
      assertThat(files).containsKey(starter);
      assertThat(manifest.path("files").has(starter)).isFalse();
      assertThat(manifest.path("stubs").has(starter)).isFalse();
    }
    // samconfig.toml is a stub: `sam deploy --guided` saves its answers in it.
    assertThat(manifest.path("stubs").has("samconfig.toml")).isTrue();
    assertThat(manifest.path("files").size() + manifest.path("stubs").size())
        .isEqualTo(files.size() - 2);
  }

  @Test
  void regeneratingGivesByteIdenticalFiles() throws IOException {
    Path first = temp.resolve("first");
    Path second = temp.resolve("second");

    assertThat(CliTest.run("generate", library(), "-o", first.toString()).exitCode()).isEqualTo(0);
    assertThat(CliTest.run("generate", library(), "-o", second.toString()).exitCode()).isEqualTo(0);
    assertThat(CliTest.run("generate", library(), "-o", first.toString()).exitCode()).isEqualTo(0);

    assertThat(contents(second)).isEqualTo(contents(first));
  }

  @Test
  void dumpModelPrintsWhatTemplatesSeeAndWritesNothing() throws IOException {
    Path out = temp.resolve("library");

    CliTest.Run run = CliTest.run("generate", library(), "--dump-model", "-o", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    tools.jackson.databind.JsonNode project =
        tools.jackson.databind.json.JsonMapper.builder().build().readTree(run.out());
    assertThat(project.path("basePackage").asText()).isEqualTo("com.example.library");
    assertThat(project.path("aggregates").get(0).path("stateClass").asText())
        .isEqualTo("BookState");
    assertThat(project.path("views").get(1).path("queries").get(2).path("field").asText())
        .isEqualTo("memberLoansByOpen");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void aMissingModelIsAUsageError() {
    CliTest.Run run = CliTest.run("generate", temp.resolve("nothing.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("does not exist");
  }

  /**
   * Every file below {@code folder} by relative path, as text (all generated files are), except
   * Tracepaper's own manifest.
   */
  static Map<String, String> contents(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file :
          walk.filter(Files::isRegularFile)
              .filter(p -> !folder.relativize(p).startsWith(".tracepaper"))
              .toList()) {
        String path = folder.relativize(file).toString().replace('\\', '/');
        // The runtime's repository holds jars: compared by their bytes' hash, not as text.
        files.put(
            path,
            path.startsWith(RuntimeRepository.FOLDER + "/")
                ? Hashes.sha256(Files.readAllBytes(file))
                : Files.readString(file));
      }
    }
    return files;
  }
}
