package dev.tracepaper.render;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tracepaper.TestPaths;
import dev.tracepaper.text.Escapes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateEngineTest {

  public record Author(String name) {}

  public record Book(
      String className,
      String title,
      String description,
      int pages,
      List<Author> authors,
      String subtitle,
      String broken) {}

  private static final Book BOOK =
      new Book(
          "Dune",
          "Dune \"*/ ${x} <#if>\n\u2028",
          "Spice */ @author \\u000a <b>",
          1234567,
          List.of(new Author("Frank \"H\""), new Author("Caf\u00E9")),
          null,
          "x\uD800");

  /** The engine as configured for generation, on the test templates of engine-test/. */
  private static TemplateEngine testEngine() {
    try {
      return TemplateEngine.withOverrides(
          TestPaths.root().resolve("generator/src/test/resources/engine-test"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private final TemplateEngine engine = testEngine();

  @Test
  void rendersRecordsAndListsWithTheEscapingFunctions() throws TemplateFailure {
    String text = engine.render("test/records.ftl", Map.of("book", BOOK));
    assertThat(text)
        .isEqualTo(
            "/**\n"
                + " * "
                + Escapes.javadoc(BOOK.description(), " * ")
                + "\n */\n"
                + "final class Dune {\n"
                + "  static final String TITLE = "
                + Escapes.javaString(BOOK.title())
                + ";\n"
                + "  static final int PAGES = 1234567;\n"
                + "  // author 1: \"Frank \\\"H\\\"\"\n"
                + "  // author 2: \"Caf\u00E9\"\n"
                + "}\n"
                + "# "
                + Escapes.yamlString(BOOK.title())
                + " "
                + Escapes.graphqlString(BOOK.title())
                + " "
                + Escapes.jsString(BOOK.title())
                + "\n");
  }

  @Test
  void renderingIsDeterministic() throws TemplateFailure {
    String first = engine.render("test/records.ftl", Map.of("book", BOOK));
    String second = testEngine().render("test/records.ftl", Map.of("book", BOOK));
    assertThat(second).isEqualTo(first);
  }

  @Test
  void aSyntaxErrorNamesTemplateLineAndColumn() {
    TemplateError error = failure("test/syntax-error.ftl").error();
    assertThat(error.templateName()).isEqualTo("test/syntax-error.ftl");
    assertThat(error.line()).isEqualTo(2);
    assertThat(error.column()).isEqualTo(4); // FreeMarker points at the directive's name
    assertThat(error.message()).contains("#iff");
  }

  @Test
  void aMissingVariableIsAnErrorWithItsPlace() {
    TemplateError error = failure("test/missing-variable.ftl").error();
    assertThat(error.templateName()).isEqualTo("test/missing-variable.ftl");
    assertThat(error.line()).isEqualTo(3);
    assertThat(error.column()).isEqualTo(14);
    assertThat(error.message()).contains("book.subtitle");
    assertThat(error.message()).doesNotContain("Tip:");
    assertThat(error.toString()).startsWith("test/missing-variable.ftl:3:14: ");
  }

  @Test
  void templatesCannotInstantiateJavaClasses() {
    TemplateError error = failure("test/new-builtin.ftl").error();
    assertThat(error.line()).isEqualTo(1);
    assertThat(error.message()).contains("freemarker.template.utility.Execute");
  }

  @Test
  void anEscapingFunctionRejectsANonString() {
    TemplateError error = failure("test/wrong-argument.ftl").error();
    assertThat(error.line()).isEqualTo(2);
    assertThat(error.column()).isEqualTo(3);
    assertThat(error.message()).isEqualTo("javaString needs a string, got a number");
  }

  @Test
  void textThatCannotBeEscapedIsATemplateErrorAtItsPlace() {
    TemplateError error = failure("test/broken-text.ftl").error();
    assertThat(error.line()).isEqualTo(1);
    assertThat(error.message())
        .isEqualTo(
            "javaString: text has an unpaired surrogate U+D800 at index 1;"
                + " it is not valid Unicode text");
  }

  @Test
  void collectionsWhoseOrderChangesBetweenRunsAreRefused() throws TemplateFailure {
    Map<String, Object> unstable = new java.util.HashMap<>(Map.of("a", 1, "b", 2));
    for (Object items : List.of(unstable, Map.of("a", 1, "b", 2), java.util.Set.of(1, 2))) {
      TemplateError error =
          assertThrows(
                  TemplateFailure.class,
                  () -> engine.render("test/list-items.ftl", Map.of("items", items)))
              .error();
      assertThat(error.message()).contains("whose order changes from run to run");
      assertThat(error.line()).isEqualTo(1);
    }
    Map<String, Integer> ordered = new java.util.LinkedHashMap<>();
    ordered.put("b", 2);
    ordered.put("a", 1);
    assertThat(engine.render("test/list-items.ftl", Map.of("items", ordered))).isEqualTo("b a \n");
    assertThat(
            engine.render("test/list-items.ftl", Map.of("items", new java.util.TreeMap<>(ordered))))
        .isEqualTo("a b \n");
    assertThat(engine.render("test/list-items.ftl", Map.of("items", List.of("x", "y"))))
        .isEqualTo("x y \n");
    // The root may be any map: it is looked up, never listed.
    assertThat(engine.render("test/list-items.ftl", Map.of("items", List.of("z"), "a", 1, "b", 2)))
        .isEqualTo("z \n");
  }

  @Test
  void aMissingTemplateIsAnError() {
    TemplateError error = failure("test/no-such.ftl").error();
    assertThat(error.templateName()).isEqualTo("test/no-such.ftl");
    assertThat(error.message()).contains("no such template");
  }

  @Test
  void anOverrideFolderReplacesSingleTemplates(@TempDir Path overrides) throws Exception {
    Files.createDirectories(overrides.resolve("test"));
    Files.writeString(overrides.resolve("test/records.ftl"), "custom ${book.className}\n", UTF_8);
    TemplateEngine custom = TemplateEngine.withOverrides(overrides);
    assertThat(custom.render("test/records.ftl", Map.of("book", BOOK))).isEqualTo("custom Dune\n");
    // Templates not overridden come from the class path: here a packaged one, given no data.
    TemplateError packaged = failureOf(custom, "src/main/java/types/enum/Enum.java.ftl").error();
    assertThat(packaged.templateName()).isEqualTo("src/main/java/types/enum/Enum.java.ftl");
    assertThat(packaged.message()).contains("enum");
  }

  private TemplateFailure failure(String template) {
    return failureOf(engine, template);
  }

  private static TemplateFailure failureOf(TemplateEngine engine, String template) {
    return assertThrows(TemplateFailure.class, () -> engine.render(template, Map.of("book", BOOK)));
  }
}
