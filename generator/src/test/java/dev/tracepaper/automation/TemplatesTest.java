package dev.tracepaper.automation;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {

  private static final String TEXT =
      "{{name}} ordered {{#lines}}{{quantity}}×{{product}} {{/lines}}";
  private static final Map<String, Object> VALUES =
      Map.of(
          "name",
          "Ada \"<O'Hara>\" & Co\nLtd",
          "lines",
          List.of(Map.of("quantity", 2L, "product", "tea")));

  @Test
  void escapesForHtmlByTheExtension() {
    assertThat(Templates.render("mail.html", TEXT, VALUES))
        .isEqualTo("Ada &quot;&lt;O&#39;Hara&gt;&quot; &amp; Co\nLtd ordered 2×tea ");
  }

  @Test
  void escapesTheInsideOfAJsonStringByTheExtension() {
    assertThat(Templates.render("body.json", "{\"who\": \"{{name}}\"}", VALUES))
        .isEqualTo("{\"who\": \"Ada \\\"<O'Hara>\\\" & Co\\nLtd\"}");
  }

  @Test
  void leavesTextAsItIs() {
    assertThat(Templates.render("report.txt", "{{name}}", VALUES))
        .isEqualTo("Ada \"<O'Hara>\" & Co\nLtd");
  }

  @Test
  void tripleBracesAreNeverEscaped() {
    assertThat(Templates.render("mail.html", "{{{name}}}", Map.of("name", "<b>"))).isEqualTo("<b>");
  }

  @Test
  void anAbsentValueIsEmpty() {
    java.util.HashMap<String, Object> values = new java.util.HashMap<>();
    values.put("name", null);
    assertThat(Templates.render("mail.txt", "[{{name}}]", values)).isEqualTo("[]");
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
