package dev.tracepaper.security;

import dev.tracepaper.TestPaths;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.render.TemplateEngine;
import dev.tracepaper.render.build.ProjectDataBuilder;
import dev.tracepaper.render.data.ProjectData;
import dev.tracepaper.render.data.StackData;
import dev.tracepaper.tools.AutomationModels;
import dev.tracepaper.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The examples (every folder of {@code examples/} with an {@code app.yaml}) and the files the
 * generator renders from them, each built once per test run.
 */
final class GeneratedExamples {

  private static final TemplateEngine ENGINE = TemplateEngine.fromClasspath();
  private static final Map<String, ModelIndex> INDEXES = new ConcurrentHashMap<>();
  private static final Map<String, ProjectData> PROJECTS = new ConcurrentHashMap<>();
  private static final Map<String, String> FILES = new ConcurrentHashMap<>();

  private GeneratedExamples() {}

  /**
   * The clinic with an automation run by each deployment ({@link
   * AutomationModels#clinicWithDeployment}), written below {@code target/}.
   */
  static final String CLINIC_WITH_DEPLOYMENT = "clinic-with-deployment";

  static List<String> names() {
    try (Stream<Path> folders = Files.list(TestPaths.examples())) {
      return Stream.concat(
              folders
                  .filter(folder -> Files.isRegularFile(folder.resolve("app.yaml")))
                  .map(folder -> folder.getFileName().toString()),
              Stream.of(CLINIC_WITH_DEPLOYMENT))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path folder(String name) {
    if (!name.equals(CLINIC_WITH_DEPLOYMENT)) {
      return TestPaths.examples().resolve(name);
    }
    try {
      return AutomationModels.clinicWithDeployment(
          Path.of("target", "automation-models", name).toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The validated model of {@code example}. */
  static ModelIndex index(String example) {
    return INDEXES.computeIfAbsent(
        example,
        name -> {
          Path folder = folder(name);
          Validator.Outcome outcome = new Validator().run(List.of(folder), folder);
          if (outcome.report().hasErrors() || outcome.index().isEmpty()) {
            throw new AssertionError("the example " + name + " does not validate");
          }
          return outcome.index().get();
        });
  }

  static ProjectData project(String example) {
    return PROJECTS.computeIfAbsent(example, name -> ProjectDataBuilder.build(index(name)));
  }

  /**
   * The generated template of {@code example} with its nested stacks in place ({@link
   * SamTemplate#flattened}).
   */
  static SamTemplate template(String example) {
    ProjectData project = project(example);
    Map<String, String> nested = new java.util.TreeMap<>();
    for (StackData stack : project.stacks().nested()) {
      try {
        nested.put(
            stack.file(),
            ENGINE.render("stacks/Stack.yaml.ftl", Map.of("project", project, "stack", stack)));
      } catch (Exception e) {
        throw new AssertionError("cannot render " + stack.file() + " of " + example, e);
      }
    }
    return SamTemplate.flattened(render(example, "template.yaml"), nested);
  }

  /** The file {@code file} (a path of the generated project) rendered for {@code example}. */
  static String render(String example, String file) {
    return FILES.computeIfAbsent(
        example + "/" + file,
        key -> {
          try {
            return ENGINE.render(file + ".ftl", Map.of("project", project(example)));
          } catch (Exception e) {
            throw new AssertionError("cannot render " + key, e);
          }
        });
  }
}
