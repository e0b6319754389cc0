package dev.tracepaper.e2e;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.bench.SyntheticModel;
import dev.tracepaper.cli.Main;
import dev.tracepaper.tools.ExternalTool;
import dev.tracepaper.tools.ProjectTemplates;
import dev.tracepaper.tools.TemplateResources;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark workload of 200 aggregates (20 subdomains of 10), far more than one stack holds,
 * generates into a root and nested stacks that each stay within CloudFormation's limits and pass
 * cfn-lint.
 */
class LargeModelStacksTest {

  @TempDir Path temp;

  @Test
  void twoHundredAggregatesGenerateIntoStacksThatEachFit() throws Exception {
    Path model = temp.resolve("model");
    SyntheticModel.write(200, model);
    Path out = temp.resolve("project");
    StringWriter output = new StringWriter();
    int exit =
        Main.run(
            new String[] {"generate", model.toString(), "-o", out.toString()},
            new PrintWriter(output),
            new PrintWriter(output));
    assertWithMessage("tracepaper generate: %s", output).that(exit).isEqualTo(0);

    List<String> templates = ProjectTemplates.of(out);
    assertThat(templates).hasSize(1 + 20);
    int total = 0;
    for (String file : templates) {
      String template = Files.readString(out.resolve(file), UTF_8);
      int resources = TemplateResources.resources(template);
      total += resources;
      assertWithMessage("resources of %s", file).that(resources).isAtMost(500);
      assertWithMessage("outputs of %s", file)
          .that(TemplateResources.outputs(template))
          .isAtMost(200);
      assertWithMessage("parameters of %s", file)
          .that(TemplateResources.parameters(template))
          .isAtMost(200);
      assertWithMessage("bytes of %s", file)
          .that(template.getBytes(UTF_8).length)
          .isLessThan(1_000_000);
    }
    // Far more than one stack could hold: the split is what lets the model generate.
    assertThat(total).isGreaterThan(4 * 500);

    ExternalTool cfnLint = ExternalTool.requireOrSkip("cfn-lint", "linting the templates");
    ExternalTool.Result lint = cfnLint.run(out, templates.toArray(String[]::new));
    assertWithMessage("cfn-lint:\n%s", lint.output()).that(lint.exitCode()).isEqualTo(0);
  }
}
