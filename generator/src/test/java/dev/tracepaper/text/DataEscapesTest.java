package dev.tracepaper.text;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import graphql.language.Document;
import graphql.language.ObjectTypeDefinition;
import graphql.parser.Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Round trips through a real parser of each target language: every hostile text, escaped, must
 * parse back to exactly itself.
 */
class DataEscapesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path folder;

  @Test
  void yamlScalarsParseBackExactly() {
    StringBuilder document = new StringBuilder();
    for (int i = 0; i < HostileText.ALL.size(); i++) {
      document.append("k").append(i).append(": ");
      document.append(Escapes.yamlString(HostileText.ALL.get(i))).append('\n');
    }
    Map<?, ?> parsed =
        (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(document.toString());
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < HostileText.ALL.size(); i++) {
      values.add(parsed.get("k" + i));
    }
    assertThat(values).containsExactlyElementsIn(HostileText.ALL).inOrder();
  }

  @Test
  void yamlScalarsAlsoParseInsideAFlowSequence() {
    List<String> literals = HostileText.ALL.stream().map(Escapes::yamlString).toList();
    Object parsed =
        new Load(LoadSettings.builder().build())
            .loadFromString("[" + String.join(", ", literals) + "]");
    assertThat((List<?>) parsed).containsExactlyElementsIn(HostileText.ALL).inOrder();
  }

  @Test
  void yamlEscapesLineBreaksAndInvisibleCharacters() {
    assertThat(Escapes.yamlString("a\nb\u2028\uDB40\uDC01"))
        .isEqualTo("\"a\\nb\\u2028\\U000E0001\"");
  }

  @Test
  void jsonStringsParseBackExactly() {
    List<String> literals = HostileText.ALL.stream().map(Escapes::jsonString).toList();
    List<String> parsed =
        JSON.readValue(
            "[" + String.join(",", literals) + "]", new TypeReference<List<String>>() {});
    assertThat(parsed).containsExactlyElementsIn(HostileText.ALL).inOrder();
  }

  @Test
  void graphqlDescriptionsParseBackExactly() {
    StringBuilder schema = new StringBuilder();
    for (int i = 0; i < HostileText.ALL.size(); i++) {
      schema.append(Escapes.graphqlString(HostileText.ALL.get(i)));
      schema.append("\ntype T").append(i).append(" {\n  f: String\n}\n\n");
    }
    Document document = Parser.parse(schema.toString());
    List<String> descriptions =
        document.getDefinitionsOfType(ObjectTypeDefinition.class).stream()
            .map(type -> type.getDescription().getContent())
            .toList();
    assertThat(descriptions).containsExactlyElementsIn(HostileText.ALL).inOrder();
  }

  @Test
  void javaScriptLiteralsEvaluateBackExactly() throws Exception {
    String node = nodeOrSkip();
    List<String> literals = HostileText.ALL.stream().map(Escapes::jsString).toList();
    Path script = folder.resolve("texts.js");
    Files.writeString(
        script,
        "'use strict';\nconst texts = [\n  "
            + String.join(",\n  ", literals)
            + "\n];\nprocess.stdout.write(JSON.stringify(texts));\n",
        UTF_8);
    Process process =
        new ProcessBuilder(node, script.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(0);
    List<String> parsed =
        JSON.readValue(new String(output, UTF_8), new TypeReference<List<String>>() {});
    assertThat(parsed).containsExactlyElementsIn(HostileText.ALL).inOrder();
  }

  @Test
  void javaScriptEscapesLineAndParagraphSeparators() {
    assertThat(Escapes.jsString("\u2028\u2029`${x}`")).isEqualTo("\"\\u2028\\u2029`${x}`\"");
  }

  @Test
  void everyTargetRejectsUnpairedSurrogates() {
    List<UnaryOperator<String>> escapes =
        List.of(
            Escapes::yamlString, Escapes::jsonString, Escapes::graphqlString, Escapes::jsString);
    for (UnaryOperator<String> escape : escapes) {
      assertThrows(IllegalArgumentException.class, () -> escape.apply("x\uD800y"));
      assertThrows(IllegalArgumentException.class, () -> escape.apply("\uDC00"));
    }
  }

  /** Node runs the JS round trip; without it the test is skipped, except under CI=true. */
  private static String nodeOrSkip() throws InterruptedException {
    try {
      Process probe = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
        return "node";
      }
    } catch (IOException e) {
      // not installed: handled below
    }
    boolean ci = "true".equals(System.getenv("CI"));
    if (ci) {
      throw new AssertionError("node is required under CI=true for the JavaScript round trip");
    }
    assumeTrue(false, "node is not on the PATH: JavaScript escaping round trip skipped");
    return null;
  }
}
