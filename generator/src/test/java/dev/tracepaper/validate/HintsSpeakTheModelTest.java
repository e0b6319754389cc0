package dev.tracepaper.validate;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.TestPaths;
import dev.tracepaper.diagnostic.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Messages and hints speak the user's own model: no diagnostic of a model names an element of the
 * library example ({@code BookLent}, {@code [Loan]}, {@code isbn}) that the model itself does not
 * name. Every golden case, invalid example and hand-written hostile model is checked, and two
 * golden cases ({@code hints-own-names-*}) written without any library name trigger every hint that
 * gives an example.
 */
class HintsSpeakTheModelTest {

  /** Built-in types and CEL functions: language, not the library's names. */
  private static final Set<String> LANGUAGE =
      Set.of(
          "String",
          "Int",
          "Float",
          "Boolean",
          "Date",
          "DateTime",
          "Email",
          "Url",
          "Json",
          "addDays",
          "addSeconds");

  private static final Pattern PASCAL_DEFINITION = Pattern.compile("(?m)^\\s+([A-Z][A-Za-z0-9]*):");
  private static final Pattern COMPOUND = Pattern.compile("\\b([A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*)");
  private static final Pattern CAMEL =
      Pattern.compile("\\b([a-z][a-z0-9]*[A-Z][A-Za-z0-9]*)\\b(?!\\()");
  private static final Pattern FIELD_DEFINITION = Pattern.compile("(?m)^\\s+([a-z][a-zA-Z0-9]*): ");

  /** The names the library example defines or uses, found in its YAML. */
  static Set<String> libraryNames() {
    String library = readAll(TestPaths.examples().resolve("library"));
    Set<String> names = new TreeSet<>();
    for (Pattern p : List.of(PASCAL_DEFINITION, COMPOUND, CAMEL)) {
      Matcher m = p.matcher(library);
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    // Field names of the example, such as `isbn` and `copies`, but not the language's own keys.
    Matcher fields = FIELD_DEFINITION.matcher(library);
    while (fields.find()) {
      names.add(fields.group(1));
    }
    names.removeAll(LANGUAGE);
    names.removeAll(LanguageKeys.ALL);
    return names;
  }

  static Stream<Path> cases() throws IOException {
    return Stream.of(
            TestPaths.golden(),
            TestPaths.examples().resolve("invalid"),
            TestPaths.root().resolve("generator/src/test/resources/hostile"))
        .flatMap(HintsSpeakTheModelTest::casesIn)
        .sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void noDiagnosticNamesALibraryElementTheModelDoesNotName(Path model) {
    String source = readAll(model);
    Set<String> foreign =
        libraryNames().stream()
            .filter(n -> !Pattern.compile("\\b" + n + "\\b").matcher(source).find())
            .collect(Collectors.toSet());
    ValidationReport report = new Validator().validate(List.of(model), model.getParent());

    for (Diagnostic d : report.diagnostics()) {
      String text = d.message() + (d.hasHint() ? " | " + d.hint() : "");
      String code = codeSpans(text);
      for (String name : foreign) {
        assertWithMessage(
                "%s speaks of `%s`, a name of the library example: %s", d.location(), name, text)
            .that(Pattern.compile("\\b" + name + "\\b").matcher(code).find())
            .isFalse();
      }
    }
  }

  /** The parser's token names and Java's words, which a model's author cannot act on. */
  private static final Pattern MACHINE_WORDS =
      Pattern.compile(
          "<(block end|scalar|stream end|block mapping start|block sequence start|document start|document end)>"
              + "|Exception|snakeyaml|\\bscalar\\b|\\btoken\\b|java\\.(lang|util|io|nio)\\.");

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void noMessageSpeaksTheParsersOrJavasWords(Path model) {
    ValidationReport report = new Validator().validate(List.of(model), model.getParent());

    for (Diagnostic d : report.diagnostics()) {
      // The parser's own words may follow, in parentheses, so that nothing is lost.
      String own = d.message().replaceFirst(" \\(The YAML parser says: .*\\)$", "");
      String text = own + (d.hasHint() ? " | " + d.hint() : "");
      assertWithMessage("%s speaks the parser's or Java's words: %s", d.location(), text)
          .that(MACHINE_WORDS.matcher(text).find())
          .isFalse();
    }
  }

  /**
   * The parts of a text between backticks: the names and snippets of model text a diagnostic
   * quotes. Prose words such as "available" or "list" are not names.
   */
  private static String codeSpans(String text) {
    Matcher m = Pattern.compile("`([^`]*)`").matcher(text);
    StringBuilder spans = new StringBuilder();
    while (m.find()) {
      spans.append(m.group(1)).append('\n');
    }
    return spans.toString();
  }

  @org.junit.jupiter.api.Test
  void theLibraryNamesAreFound() {
    assertThat(libraryNames())
        .containsAtLeast("Book", "BookLent", "Loan", "loanId", "isbn", "Isbn");
    assertThat(libraryNames()).containsNoneOf("String", "fields", "events");
  }

  private static Stream<Path> casesIn(Path folder) {
    try (Stream<Path> list = Files.list(folder)) {
      return list
          .filter(p -> Files.isDirectory(p) || p.toString().endsWith(".yaml"))
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readAll(Path path) {
    try (Stream<Path> files = Files.walk(path)) {
      StringBuilder text = new StringBuilder();
      for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        text.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).append('\n');
      }
      return text.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The keys of the model language, which the library also writes. */
  static final class LanguageKeys {
    static final Set<String> ALL =
        Set.of(
            "tracepaper",
            "app",
            "name",
            "package",
            "description",
            "auth",
            "default",
            "roles",
            "patterns",
            "enums",
            "types",
            "aggregates",
            "subdomain",
            "key",
            "snapshotEvery",
            "fields",
            "entities",
            "events",
            "apply",
            "commands",
            "creates",
            "let",
            "rules",
            "require",
            "code",
            "message",
            "emits",
            "tests",
            "when",
            "then",
            "given",
            "state",
            "error",
            "policies",
            "on",
            "views",
            "from",
            "handlers",
            "queries",
            "index",
            "sort",
            "type",
            "required",
            "pattern",
            "min",
            "max",
            "minLength",
            "maxLength",
            "minItems",
            "maxItems",
            "upsert",
            "with",
            "remove",
            "set",
            "delete",
            "custom",
            "as",
            "relations",
            "eventRetentionDays",
            "deleted",
            "autoFill",
            "values",
            // automations
            "automations",
            "schedule",
            "at",
            "timezone",
            "afterDeployment",
            "secrets",
            "secretsManager",
            "parameterStore",
            "do",
            "stopIf",
            "forEach",
            "email",
            "to",
            "subject",
            "template",
            "http",
            "method",
            "url",
            "query",
            "headers",
            "allowHttp",
            "s3Object",
            "bucket",
            "command",
            "send",
            "if",
            "body",
            "content");

    private LanguageKeys() {}
  }
}
