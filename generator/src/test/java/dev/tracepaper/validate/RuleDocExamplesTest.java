package dev.tracepaper.validate;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.TestPaths;
import dev.tracepaper.validate.format.TextFormatter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The examples of docs/validation-rules.md are what the CLI prints: each {@code ```text} block that
 * starts with a diagnostic is, byte for byte, part of what {@code tracepaper validate} prints (text
 * format) for the golden case its path names, run from the case's folder; the {@code ```yaml} block
 * right before it is an excerpt of that case's file; and every rule that a file can show has such
 * an example. So the documented messages, hints and code frames cannot drift from the real ones.
 */
class RuleDocExamplesTest {

  /**
   * With {@code -Dgolden.update=true}, each example is rewritten from what the CLI prints now for
   * the diagnostic at the same place of the same case (after a message or hint changed); then
   * review the diff.
   */
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private static final Pattern HEADER =
      Pattern.compile("^([^:\\s]+)(?::\\d+:\\d+)?: (error|warning|note)\\[(\\w+)\\]: ");

  /** A fenced block of the document: its info string, text, and the block just before it. */
  record Block(String info, String text, Block previous) {}

  private static String doc() throws IOException {
    return Files.readString(
        TestPaths.root().resolve("docs/validation-rules.md"), StandardCharsets.UTF_8);
  }

  /** The fenced blocks of the document; {@code previous} is set when only blank lines separate. */
  static List<Block> blocks(String doc) {
    List<Block> blocks = new ArrayList<>();
    String[] lines = doc.split("\n", -1);
    Block last = null;
    int lastEnd = -1;
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].startsWith("```")) {
        continue;
      }
      String info = lines[i].substring(3).trim();
      int start = i + 1;
      int end = start;
      while (end < lines.length && !lines[end].startsWith("```")) {
        end++;
      }
      boolean adjacent = lastEnd >= 0;
      for (int k = Math.max(lastEnd + 1, 0); k < i; k++) {
        adjacent &= lines[k].isBlank();
      }
      String text = String.join("\n", java.util.Arrays.copyOfRange(lines, start, end));
      Block block = new Block(info, text, adjacent ? last : null);
      blocks.add(block);
      last = block;
      lastEnd = end;
      i = end;
    }
    return blocks;
  }

  /** The golden case a displayed path belongs to: {@code cel-columns.yaml}, {@code case/a.yaml}. */
  private static Path caseOf(String shown) {
    String first = shown.split("/")[0];
    for (Path folder : List.of(TestPaths.golden(), TestPaths.examples().resolve("invalid"))) {
      if (Files.exists(folder.resolve(first))) {
        return folder.resolve(first);
      }
    }
    throw new AssertionError("no golden case or invalid example " + first + " for " + shown);
  }

  private static String printed(Path model) {
    ValidationReport report = new Validator().validate(List.of(model), model.getParent());
    return new TextFormatter(false).format(report);
  }

  @Test
  void everyExampleIsWhatTheCliPrintsForItsGoldenCase() throws IOException {
    if (UPDATE) {
      update();
    }
    int examples = 0;
    for (Block block : blocks(doc())) {
      Matcher header = HEADER.matcher(block.text());
      if (!header.find()) {
        continue;
      }
      examples++;
      assertWithMessage("an example of what the CLI prints is a ```text block: %s", block.text())
          .that(block.info())
          .isEqualTo("text");
      Path model = caseOf(header.group(1));
      assertWithMessage("docs/validation-rules.md shows what `validate %s` prints", model)
          .that(printed(model))
          .contains(block.text() + "\n");
      if (block.previous() != null && block.previous().info().equals("yaml")) {
        Path file = model.getParent().resolve(header.group(1));
        String source = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        assertWithMessage("the YAML before the example is an excerpt of %s", file)
            .that(source)
            .contains(block.previous().text() + "\n");
      }
    }
    assertThat(examples).isAtLeast(90);
  }

  @Test
  void everyRuleAFileCanShowHasAnExample() throws IOException {
    String doc = doc();
    List<String> shown = new ArrayList<>();
    for (Block block : blocks(doc)) {
      Matcher header = HEADER.matcher(block.text());
      if (header.find()) {
        shown.add(header.group(3));
      }
    }
    for (String id : ruleIds()) {
      if (!RuleCatalogueTest.NOT_FROM_A_FILE.contains(id)) {
        assertWithMessage("the section of %s shows an example as the CLI prints it", id)
            .that(shown)
            .contains(id);
      }
    }
  }

  @Test
  void noExampleKeepsTheGoldenFileFormat() throws IOException {
    for (String line : doc().split("\n")) {
      assertWithMessage("a message in the .errors format; show it as the CLI prints it")
          .that(line)
          .doesNotMatch("^\\[(ERROR|WARNING|NOTE)\\] .*");
    }
  }

  /** Rewrites each example from the CLI's output for the diagnostic at the same place. */
  private static void update() throws IOException {
    Path file = TestPaths.root().resolve("docs/validation-rules.md");
    String doc = doc();
    for (Block block : blocks(doc)) {
      Matcher header = HEADER.matcher(block.text());
      if (!header.find()) {
        continue;
      }
      String place = block.text().substring(0, block.text().indexOf("]: ") + 3);
      // A block may show several diagnostics in a row: it is rewritten with as many.
      int shown = block.text().split("\n\n").length;
      String[] printed = printed(caseOf(header.group(1))).split("\n\n");
      for (int i = 0; i < printed.length; i++) {
        if (printed[i].startsWith(place)) {
          String now =
              String.join(
                  "\n\n", Arrays.copyOfRange(printed, i, Math.min(i + shown, printed.length)));
          doc = doc.replace("```text\n" + block.text() + "\n```", "```text\n" + now + "\n```");
          break;
        }
      }
    }
    Files.writeString(file, doc, StandardCharsets.UTF_8);
  }

  /** Every rule id: the reading stages' and the rules'. */
  private static List<String> ruleIds() {
    List<String> all = new ArrayList<>(RuleCatalogueTest.LOADING_IDS);
    Rules.all().stream().map(Rule::id).filter(id -> !all.contains(id)).forEach(all::add);
    return all;
  }
}
