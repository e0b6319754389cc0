package dev.tracepaper.cli;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code templates list|export} and {@code generate --templates}: customising the templates. */
class TemplatesCommandTest {

  @TempDir Path temp;

  private static String library() {
    return TestPaths.examples().resolve("library").toString();
  }

  @Test
  void exportedTemplatesGenerateExactlyWhatTheBuiltInOnesDo() throws IOException {
    Path templates = temp.resolve("templates");
    assertThat(CliTest.run("templates", "export", templates.toString()).exitCode()).isEqualTo(0);
    Path plain = temp.resolve("plain");
    Path custom = temp.resolve("custom");

    assertThat(CliTest.run("generate", library(), "-o", plain.toString()).exitCode()).isEqualTo(0);
    CliTest.Run run =
        CliTest.run(
            "generate", library(), "-o", custom.toString(), "--templates", templates.toString());

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(GenerateCommandTest.contents(custom)).isEqualTo(GenerateCommandTest.contents(plain));
  }

  @Test
  void anOverriddenTemplateReplacesOnlyItsOwnFiles() throws IOException {
    Path templates = temp.resolve("templates");
    Files.createDirectories(templates);
    Files.writeString(templates.resolve("README.md.ftl"), "# ${project.name}, our way\n");
    Path plain = temp.resolve("plain");
    Path custom = temp.resolve("custom");

    CliTest.run("generate", library(), "-o", plain.toString());
    CliTest.run(
        "generate", library(), "-o", custom.toString(), "--templates", templates.toString());

    Map<String, String> expected = GenerateCommandTest.contents(plain);
    expected.put("README.md", "# library, our way\n");
    assertThat(GenerateCommandTest.contents(custom)).isEqualTo(expected);
  }

  @Test
  void aTemplateErrorNamesTheTemplatePlaceAndTheElementBeingRendered() throws IOException {
    Path templates = temp.resolve("templates");
    Path flow = templates.resolve("src/main/java/aggregate/flow/Flow.java.ftl");
    Files.createDirectories(flow.getParent());
    Files.writeString(flow, "// ${flow.name}\n// ${flow.nmae}\n");
    Path out = temp.resolve("out");

    CliTest.Run run =
        CliTest.run(
            "generate", library(), "-o", out.toString(), "--templates", templates.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.RENDER);
    assertThat(run.err())
        .startsWith(
            "tracepaper: a template failed, nothing was written:"
                + " src/main/java/aggregate/flow/Flow.java.ftl:2:6: ");
    assertThat(run.err())
        .contains(
            "(while rendering src/main/java/com/example/library/book/RegisterBookFlow.java for"
                + " command Book.RegisterBook)");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void aBrokenOverrideIsATemplateErrorAndWritesNothing() throws IOException {
    Path templates = temp.resolve("templates");
    Files.createDirectories(templates);
    Files.writeString(templates.resolve("README.md.ftl"), "# ${project.nmae}\n");
    Path out = temp.resolve("out");

    CliTest.Run run =
        CliTest.run(
            "generate", library(), "-o", out.toString(), "--templates", templates.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.RENDER);
    assertThat(run.err()).contains("README.md.ftl:1:");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void exportRefusesToOverwriteEditedTemplates() throws IOException {
    Path templates = temp.resolve("templates");
    Files.createDirectories(templates);
    Files.writeString(templates.resolve("pom.xml.ftl"), "my edits");

    CliTest.Run run = CliTest.run("templates", "export", templates.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("pom.xml.ftl");
    assertThat(Files.readString(templates.resolve("pom.xml.ftl"))).isEqualTo("my edits");
  }

  @Test
  void listSaysWhatEachTemplateProduces() {
    CliTest.Run run = CliTest.run("templates", "list");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out())
        .containsMatch(
            "src/main/java/aggregate/State.java.ftl +src/main/java/<package>/<aggregate>/<Aggregate>State.java, per aggregate");
    assertThat(run.out()).containsMatch("template.yaml.ftl +template.yaml");
  }
}
