package dev.tracepaper.render;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.TestPaths;
import dev.tracepaper.render.build.ProjectDataBuilder;
import dev.tracepaper.render.data.ProjectData;
import dev.tracepaper.validate.Validator;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/** Template data models of model folders, for rendering tests. */
final class ModelProjects {

  private ModelProjects() {}

  /** The data model of the model in {@code folder}, which must validate without errors. */
  static ProjectData of(Path folder) {
    Validator.Outcome outcome = new Validator().run(List.of(folder), folder);
    if (outcome.report().hasErrors() || outcome.index().isEmpty()) {
      throw new AssertionError("the model in " + folder + " does not validate");
    }
    return ProjectDataBuilder.build(outcome.index().get());
  }

  /**
   * The data model of the example {@code example} with {@code edit} applied to each of its files,
   * which are written to {@code folder}: a variant of a real model, changed where a test needs it.
   */
  static ProjectData editedExample(Path folder, String example, UnaryOperator<String> edit)
      throws IOException {
    Files.createDirectories(folder);
    try (var files = Files.list(TestPaths.examples().resolve(example))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        Files.writeString(
            folder.resolve(file.getFileName().toString()),
            edit.apply(Files.readString(file, UTF_8)),
            UTF_8);
      }
    }
    return of(folder);
  }

  /**
   * The library, open to anonymous callers by default, with commands for IAM callers too: its model
   * written to {@code folder}.
   */
  static ProjectData openLibrary(Path folder) throws IOException {
    Files.createDirectories(folder);
    for (String file : List.of("app.yaml", "catalog.yaml", "membership.yaml")) {
      String text = Files.readString(TestPaths.examples().resolve("library").resolve(file), UTF_8);
      Files.writeString(
          folder.resolve(file),
          text.replace("default: authenticated", "default: anonymous")
              .replace("auth: role:member", "auth: [iam, role:member]"),
          UTF_8);
    }
    return of(folder);
  }

  /**
   * {@code project} with every {@code description} component, at any depth, replaced by {@code
   * text}, empty ones included: so a hostile text reaches every place a description lands.
   */
  static ProjectData describedAs(ProjectData project, String text) {
    return (ProjectData) replace(project, "description", old -> text);
  }

  private static Object replace(Object value, String component, UnaryOperator<String> change) {
    if (value instanceof List<?> list) {
      return list.stream().map(v -> replace(v, component, change)).toList();
    }
    if (value == null || !value.getClass().isRecord()) {
      return value;
    }
    try {
      RecordComponent[] components = value.getClass().getRecordComponents();
      Object[] arguments = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        Object old = components[i].getAccessor().invoke(value);
        arguments[i] =
            components[i].getName().equals(component) && old instanceof String s
                ? change.apply(s)
                : replace(old, component, change);
        types[i] = components[i].getType();
      }
      return value.getClass().getDeclaredConstructor(types).newInstance(arguments);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy " + value.getClass(), e);
    }
  }
}
