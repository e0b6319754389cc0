package dev.tracepaper.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The SAM templates of a generated project: {@code template.yaml}, then each nested stack's. */
public final class ProjectTemplates {

  private ProjectTemplates() {}

  /** Their paths relative to {@code project}: the root first, then {@code stacks/*.yaml} sorted. */
  public static List<String> of(Path project) throws IOException {
    List<String> templates = new ArrayList<>(List.of("template.yaml"));
    Path stacks = project.resolve("stacks");
    if (Files.isDirectory(stacks)) {
      try (Stream<Path> nested = Files.list(stacks)) {
        nested.map(p -> "stacks/" + p.getFileName()).sorted().forEach(templates::add);
      }
    }
    return templates;
  }

  /** cfn-lint of every template of {@code project}, in one run (skipped without cfn-lint). */
  public static ExternalTool.Result lint(Path project, String purpose)
      throws IOException, InterruptedException {
    return ExternalTool.requireOrSkip("cfn-lint", purpose)
        .run(project, of(project).toArray(String[]::new));
  }
}
