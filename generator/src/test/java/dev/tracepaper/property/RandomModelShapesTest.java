package dev.tracepaper.property;

import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RandomModel} draws every shape of model that once validated and then failed in the
 * generated build (issue 11), so that {@link RandomModelsPropertyTest} meets them all: over the
 * seeds its runs use, each shape turns up.
 */
class RandomModelShapesTest {

  private static final Map<String, Pattern> SHAPES = new LinkedHashMap<>();

  static {
    SHAPES.put(
        "a command that only checks",
        Pattern.compile("\\n {6}Check\\w+:\\n(?: {8}.*\\n)*? {8}rules:"));
    SHAPES.put(
        "a command run by another aggregate's event too",
        Pattern.compile("\\n {6}Touch\\w+:\\n(?: {8,}.*\\n)*? {8}on: \\{\\w+\\.\\w+: \\{"));
    SHAPES.put(
        "a custom command without emits",
        Pattern.compile("\\n {6}Audit\\w+:\\n {8}custom: true\\n"));
    SHAPES.put(
        "a custom policy without emits",
        Pattern.compile("\\n {6}Note\\w+:\\n(?: {8}.*\\n)*? {8}custom: true\\n"));
    SHAPES.put(
        "a policy that only checks",
        Pattern.compile("\\n {6}Note\\w+:\\n(?: {8}.*\\n)*? {8}rules:"));
    SHAPES.put(
        "a Json view field from an entity collection",
        Pattern.compile("set: \\{linesJson: state\\.lines\\}"));
    SHAPES.put(
        "a text field with a minLength above 36",
        Pattern.compile("minLength: (3[7-9]|[4-9][0-9])\\}"));
    SHAPES.put("a text field with a small maxLength", Pattern.compile("maxLength: [3-8]\\}"));
    SHAPES.put("a text field with a named pattern", Pattern.compile("pattern: Code\\}"));
    SHAPES.put("a text field with a pattern of its own", Pattern.compile("pattern: '\\^"));
    SHAPES.put(
        "a test input its field's constraints refuse",
        Pattern.compile("when: \\{.*(: short[,}]|: far too long for it|: abc-12|: 1234ab)"));
    SHAPES.put(
        "a Float from Ints with double()",
        Pattern.compile("mean: 'double\\(command\\.a \\+ command\\.b\\) / 2\\.0'"));
    SHAPES.put("a spliced pattern", Pattern.compile("pattern: '[^']*\\{\\{Lower\\}\\}"));
    SHAPES.put("an event field bounded", Pattern.compile("aCount: \\{type: Int, min: 0\\}"));
    SHAPES.put(
        "integer division into a Float (refused)",
        Pattern.compile("mean: '\\(command\\.a \\+ command\\.b\\) / 2'"));
    SHAPES.put(
        "an event changing the key (refused)", Pattern.compile(": '''other-'' \\+ command\\."));
    SHAPES.put(
        "an event version reading an older value type",
        Pattern.compile("upcast: \\{\\w+\\.value: old\\.cents / 100\\}\\n"));
    SHAPES.put("a subdomain like a split part", Pattern.compile("subdomain: \\w+Part1\\n"));
    SHAPES.put("a view like a command role (refused)", Pattern.compile("\\n  \\w*Command:\\n"));
    SHAPES.put(
        "a create-or-update policy with a conditional event",
        Pattern.compile("creates: ifMissing\\n(?: {8}.*\\n)*? {12}if: size\\(event\\."));
    SHAPES.put(
        "a unique label, taken in a test by another instance",
        Pattern.compile(
            "unique: \\[\\{fields: \\[label\\], code: LABEL_TAKEN\\}\\]\\n(?:.*\\n)*? {12}others: \\[\\{"));
    SHAPES.put(
        "a default on an event field (refused)",
        Pattern.compile("aCount: \\{type: Int, default: 1\\}"));
    SHAPES.put(
        "an on view handler changing several rows", Pattern.compile("\\n {8}keys: \"\\[event\\."));
  }

  @Test
  void everyShapeTurnsUpWithinTheCasesOfAFewRuns() {
    Map<String, Integer> seen = new LinkedHashMap<>();
    SHAPES.keySet().forEach(s -> seen.put(s, 0));
    for (long seed = 0; seed < 96; seed++) {
      String yaml = RandomModel.of(seed).yaml();
      SHAPES.forEach(
          (shape, pattern) -> {
            if (pattern.matcher(yaml).find()) {
              seen.merge(shape, 1, Integer::sum);
            }
          });
    }
    seen.forEach((shape, count) -> assertWithMessage(shape).that(count).isGreaterThan(0));
  }

  /**
   * A model drawn without a mistake validates: otherwise two of {@link RandomModel}'s shapes
   * collide (two draws naming one event), and the property test quietly builds fewer projects.
   */
  @Test
  void everyModelWithoutAMistakeValidates(@TempDir Path temp) throws Exception {
    // More seeds than the shapes need: a rarely drawn name (a field called `in`) is a shape too.
    for (long seed = 0; seed < 400; seed++) {
      RandomModel.Generated model = RandomModel.of(seed);
      if (model.mistake()) {
        continue;
      }
      Path file = temp.resolve("model-" + seed + ".yaml");
      Files.writeString(file, model.yaml(), UTF_8);
      StringWriter output = new StringWriter();
      int exit =
          Main.run(
              new String[] {"validate", file.toString(), "-q"},
              new PrintWriter(output),
              new PrintWriter(output));
      assertWithMessage("seed %s:\n%s\n%s", seed, model.yaml(), output).that(exit).isEqualTo(0);
    }
  }

  @Test
  void aRefusedTestInputIsAMistakeValidationMustFind() {
    for (long seed = 0; seed < 400; seed++) {
      RandomModel.Generated model = RandomModel.of(seed);
      if (SHAPES.get("a test input its field's constraints refuse").matcher(model.yaml()).find()) {
        assertWithMessage(model.yaml()).that(model.mistake()).isTrue();
        return;
      }
    }
    throw new AssertionError("no model of the first 400 seeds has a refused test input");
  }
}
