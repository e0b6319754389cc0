package dev.tracepaper.validate.rules;

import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.TestPaths;
import dev.tracepaper.cli.Main;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.stack.StackPlan;
import dev.tracepaper.tools.AutomationModels;
import dev.tracepaper.tools.ProjectTemplates;
import dev.tracepaper.tools.TemplateResources;
import dev.tracepaper.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TooManyResources counts each stack's resources from the model ({@link StackPlan}); this renders
 * the real templates of each example (and of the library open to anonymous callers, which adds an
 * API key) and checks that the count of every stack, root and nested, equals the resources in its
 * template after the SAM transform, so the rule cannot drift from {@code templates/}; the clinic
 * with an automation run by each deployment adds the last kind of trigger the examples lack.
 */
class StackResourcesTest {

  @TempDir Path temp;

  static Stream<String> models() {
    return Stream.of(
        "library", "clinic", "projects", "open-library", "many-views", "clinic-with-deployment");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void theRuleCountsTheResourcesTheTemplateHas(String name) throws IOException {
    Path model = model(name);
    ModelIndex index = new Validator().run(List.of(model), model).index().orElseThrow();
    Path out = temp.resolve("out");
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"generate", model.toString(), "-o", out.toString()},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertWithMessage("generate %s: %s", name, err).that(code).isEqualTo(0);

    StackPlan plan = StackPlan.of(index);
    assertWithMessage("resources of the root of %s after the SAM transform", name)
        .that(plan.root().resources())
        .isEqualTo(
            TemplateResources.resources(Files.readString(out.resolve("template.yaml"), UTF_8)));
    if (name.equals("many-views")) {
      // 60 views of two generations each pass 500 resources in one stack: the plan must see it.
      assertWithMessage("stacks of %s", name).that(plan.nested().size()).isAtLeast(2);
    }
    for (StackPlan.Stack stack : plan.nested()) {
      String template = Files.readString(out.resolve("stacks/" + stack.name() + ".yaml"), UTF_8);
      assertWithMessage("resources of %s of %s", stack.describe(), name)
          .that(stack.resources())
          .isEqualTo(TemplateResources.resources(template));
      assertWithMessage("resources of %s of %s", stack.describe(), name)
          .that(TemplateResources.resources(template))
          .isAtMost(StackPlan.STACK_LIMIT);
      assertWithMessage("command functions of %s of %s", stack.describe(), name)
          .that(stack.commandFunctions())
          .isEqualTo(aliasesInvoked(template));
    }
    assertWithMessage("templates of %s", name)
        .that(ProjectTemplates.of(out))
        .hasSize(1 + plan.nested().size());
  }

  /** The aliases the stack's command role may invoke: its policy lists them one a line. */
  private static int aliasesInvoked(String template) {
    return (int)
        template.lines().filter(l -> l.matches(" +- !Ref \\w+CommandFunction\\.Alias")).count();
  }

  private Path model(String name) throws IOException {
    if (name.equals("many-views")) {
      return manyViews();
    }
    if (name.equals("clinic-with-deployment")) {
      return AutomationModels.clinicWithDeployment(temp.resolve(name));
    }
    if (!name.equals("open-library")) {
      return TestPaths.examples().resolve(name);
    }
    Path model = temp.resolve("open-library");
    Files.createDirectories(model);
    try (Stream<Path> files = Files.list(TestPaths.examples().resolve("library"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = model.resolve(file.getFileName().toString());
        if (!file.toString().endsWith(".yaml")) {
          Files.copy(file, copy); // a template of the library's automations
          continue;
        }
        Files.writeString(
            copy,
            Files.readString(file, UTF_8).replace("default: authenticated", "default: anonymous"),
            UTF_8);
      }
    }
    return model;
  }

  /**
   * One subdomain of 60 views with a get and a list each: 300 resources with one table per view,
   * 543 with two generations and the stack's generation reader, more than one stack holds.
   */
  private Path manyViews() throws IOException {
    Path model = temp.resolve("many-views");
    Files.createDirectories(model);
    StringBuilder yaml =
        new StringBuilder(
            "tracepaper: 1\n"
                + "app: {name: reports, package: com.example.reports}\n"
                + "aggregates:\n"
                + "  Order:\n"
                + "    subdomain: Reports\n"
                + "    key: orderId\n"
                + "    fields: {orderId: String}\n"
                + "    events: {OrderPlaced: {fields: {orderId: String}}}\n"
                + "    commands:\n"
                + "      PlaceOrder: {fields: {orderId: String}, emits: [OrderPlaced]}\n"
                + "views:\n");
    for (int i = 0; i < 60; i++) {
      yaml.append("  Report")
          .append(i)
          .append(": {key: orderId, from: Order, fields: {orderId: String}}\n");
    }
    Files.writeString(model.resolve("app.yaml"), yaml.toString(), UTF_8);
    return model;
  }
}
