package dev.tracepaper.diff;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.TestPaths;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.Rules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every diff rule is documented in docs/diff-rules.md with its severity and class, shown by a
 * golden case, and every example there is a line its golden case still gives.
 */
class DiffRuleCatalogueTest {

  private static final Pattern EXAMPLE =
      Pattern.compile("# diff/([a-z0-9-]+)\\n(\\[[A-Z]+\\] [^\\n]+)");

  private static String docs() throws IOException {
    return Files.readString(TestPaths.root().resolve("docs/diff-rules.md"), StandardCharsets.UTF_8);
  }

  private static String errors(String name) {
    try {
      return Files.readString(
          GoldenDiffTest.folder().resolve(name + ".errors"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void idsAreUniqueAndNotTheIdsOfValidationRules() {
    List<String> ids = DiffRules.all().stream().map(DiffRule::id).toList();

    assertThat(ids).containsNoDuplicates();
    assertThat(ids).containsNoneIn(Rules.all().stream().map(Rule::id).toList());
  }

  @Test
  void everyRuleHasASectionAndATableRowWithItsSeverityAndClass() throws IOException {
    String docs = docs();

    for (DiffRule rule : DiffRules.all()) {
      assertWithMessage("docs/diff-rules.md has a section `### %s`", rule.id())
          .that(docs)
          .contains("\n### " + rule.id() + "\n");
      String row =
          "| [%s](#%s) | %s | %s |"
              .formatted(
                  rule.id(),
                  rule.id().toLowerCase(Locale.ROOT),
                  rule.severity(),
                  rule.ruleClass().title());
      assertWithMessage("docs/diff-rules.md lists %s in its table", rule.id())
          .that(docs)
          .contains(row);
    }
  }

  @Test
  void everyRuleIsShownByAGoldenCase() throws IOException {
    String golden;
    try (Stream<Path> cases = GoldenDiffTest.cases()) {
      golden = cases.map(c -> errors(c.getFileName().toString())).collect(Collectors.joining("\n"));
    }

    for (DiffRule rule : DiffRules.all()) {
      assertWithMessage("some diff .errors file shows `%s`", rule.id())
          .that(golden)
          .contains(" " + rule.id() + ":");
    }
  }

  @Test
  void everyExampleIsALineItsGoldenCaseGives() throws IOException {
    Matcher examples = EXAMPLE.matcher(docs());
    int count = 0;
    while (examples.find()) {
      count++;
      assertWithMessage(
              "diff/%s.errors still gives the example of docs/diff-rules.md", examples.group(1))
          .that(errors(examples.group(1)).lines().toList())
          .contains(examples.group(2));
    }
    assertThat(count).isAtLeast(DiffRules.all().size());
  }
}
