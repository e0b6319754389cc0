package dev.tracepaper.e2e;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.bench.SyntheticModel;
import dev.tracepaper.tools.DeployLimits;
import dev.tracepaper.tools.ExternalTool;
import dev.tracepaper.tools.GenerateCli;
import dev.tracepaper.tools.ProjectTemplates;
import dev.tracepaper.tools.TemplateResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark workload of 200 aggregates (20 subdomains of 10), far more than one stack holds,
 * generates into a root and nested stacks that each stay within the limits AWS checks at deployment
 * ({@link DeployLimits}: template size, resources, outputs, parameters, IAM policy and Lambda
 * environment sizes) and pass cfn-lint.
 */
class LargeModelStacksTest {

  @TempDir Path temp;

  @Test
  void twoHundredAggregatesGenerateIntoStacksThatEachFit() throws Exception {
    Path model = temp.resolve("model");
    SyntheticModel.write(200, model);
    Path out = temp.resolve("project");
    GenerateCli.generate(model, out);

    List<String> templates = ProjectTemplates.of(out);
    assertThat(templates).hasSize(1 + 20);
    int total = 0;
    for (String file : templates) {
      total += TemplateResources.resources(Files.readString(out.resolve(file), UTF_8));
    }
    // Far more than one stack could hold: the split is what lets the model generate.
    assertThat(total).isGreaterThan(4 * 500);

    List<DeployLimits.Measure> measures = DeployLimits.of(out);
    assertThat(measures.stream().filter(m -> !m.within()).toList()).isEmpty();
    // Measured on every role: a command and a policy function per aggregate, one per view.
    assertThat(measures.stream().filter(m -> m.what().startsWith("inline policies of ")).count())
        .isAtLeast(200 + 200 + 220);
    assertThat(measures.stream().filter(m -> m.what().startsWith("environment of ")).count())
        .isAtLeast(200 + 200);
    System.out.println("Largest measures of the 200-aggregate project:");
    largest(measures).forEach(m -> System.out.println("  " + m));

    ExternalTool cfnLint = ExternalTool.requireOrSkip("cfn-lint", "linting the templates");
    ExternalTool.Result lint = cfnLint.run(out, templates.toArray(String[]::new));
    assertWithMessage("cfn-lint:\n%s", lint.output()).that(lint.exitCode()).isEqualTo(0);
  }

  /** The largest measure of each kind, as the docs quote them. */
  private static List<DeployLimits.Measure> largest(List<DeployLimits.Measure> measures) {
    Map<String, DeployLimits.Measure> largest = new LinkedHashMap<>();
    for (DeployLimits.Measure m : measures) {
      String kind = m.what().replaceFirst(" of .*", "");
      largest.merge(kind, m, (a, b) -> a.value() >= b.value() ? a : b);
    }
    return largest.values().stream()
        .sorted(Comparator.comparing(DeployLimits.Measure::what))
        .toList();
  }
}
