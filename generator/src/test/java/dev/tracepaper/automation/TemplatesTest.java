package dev.tracepaper.automation;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TemplatesTest {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

  /**
   * The cases both renderers share: the runtime's AutomationTemplatesTest reads the same file, so
   * what {@code tracepaper test} previews and what a deployed automation sends agree case by case.
   */
  static Stream<Arguments> sharedCases() throws IOException {
    JsonNode file =
        JSON.readTree(
            Files.readString(
                TestPaths.root().resolve("runtime/src/test/cases/automation-templates.json")));
    List<Arguments> cases = new ArrayList<>();
    file.get("cases").forEach(c -> cases.add(Arguments.of(c.get("case").asString(), c)));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sharedCases")
  void rendersEachSharedCase(String name, JsonNode c) {
    @SuppressWarnings("unchecked")
    Map<String, Object> values = JSON.treeToValue(c.get("values"), Map.class);
    assertThat(Templates.render(c.get("file").asString(), c.get("template").asString(), values))
        .isEqualTo(c.get("expected").asString());
  }

  @Test
  void namesTheValuesItUsesBySectionAndFirstPart() {
    Templates.Parsed parsed =
        Templates.parse("{{a.b}} {{#list}}{{x}}{{.}}{{-index}}{{/list}}{{^empty}}none{{/empty}}");

    assertThat(parsed.problem()).isEmpty();
    assertThat(parsed.names()).containsExactly("a", "list", "x", "empty");
    assertThat(parsed.sections()).containsExactly("list");
  }

  @Test
  void saysWhyATemplateCannotBeRead() {
    assertThat(Templates.parse("{{#open}} never closed").problem().orElseThrow()).contains("open");
    assertThat(Templates.parse("{{> header}}").problem().orElseThrow())
        .contains("a template stands alone");
  }
}
