package dev.tracepaper.render;

import dev.tracepaper.render.data.ProjectData;
import dev.tracepaper.render.data.StackData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the nested stacks go: {@code stacks/Stack.yaml.ftl} renders once per nested stack, to its
 * {@code file} ({@code stacks/Catalog.yaml}), with {@code stack} in its data. Which elements each
 * stack holds is the data model's ({@code project.stacks}).
 */
final class StackLayout {

  static final String FOLDER = "stacks/";

  private StackLayout() {}

  static boolean holds(String template) {
    return template.startsWith(FOLDER);
  }

  static List<Layout.Output> outputs(String template, ProjectData project) {
    List<Layout.Output> outputs = new ArrayList<>();
    for (StackData stack : project.stacks().nested()) {
      Map<String, Object> data = new TreeMap<>();
      data.put("project", project);
      data.put("stack", stack);
      outputs.add(new Layout.Output(template, stack.file(), data));
    }
    return outputs;
  }
}
