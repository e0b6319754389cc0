package dev.tracepaper.cli;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    assertThat(run.out()).containsMatch("Generated \\d+ files into .*library");
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
  void refusesAFolderItDidNotWrite() throws IOException {
    Path out = temp.resolve("mine");
    Files.createDirectories(out);
    Files.writeString(out.resolve("notes.txt"), "my own work");

    CliTest.Run run = CliTest.run("generate", library(), "-o", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains(out.getFileName().toString());
    assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("my own work");
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

  /** Every file below {@code folder} by relative path, as text (all generated files are). */
  static Map<String, String> contents(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(file).toString().replace('\\', '/'), Files.readString(file));
      }
    }
    return files;
  }
}
