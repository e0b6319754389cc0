package dev.tracepaper.render;

import dev.tracepaper.render.data.ProjectData;
import dev.tracepaper.render.data.StackData;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every CloudFormation template of a project: the root and each nested stack, by path. */
final class StackTemplates {

  private StackTemplates() {}

  static Map<String, String> of(TemplateEngine engine, ProjectData project) {
    Map<String, String> files = new LinkedHashMap<>();
    try {
      files.put("template.yaml", engine.render("template.yaml.ftl", Map.of("project", project)));
      for (StackData stack : project.stacks().nested()) {
        files.put(
            stack.file(),
            engine.render("stacks/Stack.yaml.ftl", Map.of("project", project, "stack", stack)));
      }
    } catch (Exception e) {
      throw new AssertionError("cannot render the templates of " + project.name(), e);
    }
    return files;
  }

  /** All templates one after the other, for tests that look for a resource wherever it is. */
  static String joined(TemplateEngine engine, ProjectData project) {
    return String.join("\n", of(engine, project).values());
  }
}
