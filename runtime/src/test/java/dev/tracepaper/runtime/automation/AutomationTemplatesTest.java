package dev.tracepaper.runtime.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracepaper.runtime.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The templates render as {@code tracepaper test} previews them: the cases shared with the
 * generator's TemplatesTest, then the conversion of values and URLs.
 */
class AutomationTemplatesTest {

  /**
   * The cases both renderers share (runtime/src/test/cases/automation-templates.json): the
   * generator's TemplatesTest reads the same file, so what {@code tracepaper test} previews and
   * what a deployed automation sends agree case by case.
   */
  static Stream<Arguments> sharedCases() throws IOException {
    JsonNode file =
        Json.parse(Files.readString(Path.of("src/test/cases/automation-templates.json")));
    List<Arguments> cases = new ArrayList<>();
    file.get("cases").forEach(c -> cases.add(Arguments.of(c.get("case").asText(), c)));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sharedCases")
  void rendersEachSharedCase(String name, JsonNode c) {
    @SuppressWarnings("unchecked")
    Map<String, Object> values = (Map<String, Object>) Templates.plain(c.get("values"));
    assertEquals(
        c.get("expected").asText(),
        Templates.render(c.get("file").asText(), c.get("template").asText(), values));
  }

  @Test
  void jsonObjectsAndArraysBecomeMapsAndLists() {
    Object plain =
        Templates.plain(
            Json.parse(
                "{\"name\": \"Ada\", \"lines\": [{\"quantity\": 2, \"price\": 2.5}],"
                    + " \"member\": true, \"note\": null}"));

    Map<String, Object> line = new LinkedHashMap<>();
    line.put("quantity", 2L);
    line.put("price", 2.5);
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("name", "Ada");
    expected.put("lines", List.of(line));
    expected.put("member", true);
    expected.put("note", null);
    assertEquals(expected, plain);
  }

  @Test
  void datesTimesEnumsAndOtherValuesAreTheirText() {
    assertEquals("2027-01-04", Templates.plain(LocalDate.of(2027, 1, 4)));
    assertEquals("2027-01-04T08:00:00Z", Templates.plain(Instant.parse("2027-01-04T08:00:00Z")));
    assertEquals("UTC", Templates.plain(Shade.UTC));
    assertEquals("7", Templates.plain(7));
    assertEquals("1.50", Templates.plain(new java.math.BigDecimal("1.50")));
    assertEquals(7L, Templates.plain(7L));
    assertEquals(false, Templates.plain(false));
    assertNull(Templates.plain(null));
    assertEquals(
        Map.of("at", List.of("2027-01-04")),
        Templates.plain(Map.of("at", List.of(LocalDate.of(2027, 1, 4)))));
  }

  @Test
  void anEnumIsItsNameEvenWhenItsTextDiffers() {
    assertEquals("LOUD", Templates.plain(Loud.LOUD));
  }

  @Test
  void recordsPassedAsJsonRenderFieldByField() {
    String rendered =
        Templates.render(
            "member.html",
            "{{#member}}{{name}} lives at {{address.street}}{{/member}}",
            Templates.plainValues(
                Map.of(
                    "member",
                    Json.parse("{\"name\": \"Ada\", \"address\": {\"street\": \"Main & 1\"}}"))));
    assertEquals("Ada lives at Main &amp; 1", rendered);
  }

  @Test
  void queryParametersAreAppendedEncodedInOrder() {
    List<Param> query = List.of(new Param("q", "a b&c"), new Param("page size", "ü"));
    assertEquals(
        "https://x.example/find?q=a+b%26c&page+size=%C3%BC",
        Run.url("https://x.example/find", query));
    assertEquals(
        "https://x.example/find?v=1&q=a+b%26c&page+size=%C3%BC",
        Run.url("https://x.example/find?v=1", query));
    assertEquals("https://x.example/find", Run.url("https://x.example/find", List.of()));
  }

  @Test
  void anS3ObjectsContentTypeFollowsItsTemplate() {
    assertEquals("text/html; charset=utf-8", Run.contentType("report.html"));
    assertEquals("text/html; charset=utf-8", Run.contentType("report.htm"));
    assertEquals("application/json", Run.contentType("data.JSON"));
    assertEquals("text/csv; charset=utf-8", Run.contentType("loans.csv"));
    assertEquals("text/plain; charset=utf-8", Run.contentType("weekly.txt"));
  }

  @Test
  void templatesAreReadFromTheClassPath() {
    assertEquals(
        "<p>Dear Ada O&#39;Hara,</p>\n",
        Templates.render("greeting.html", Map.of("name", "Ada O'Hara")));
    IllegalStateException missing =
        assertThrows(IllegalStateException.class, () -> Templates.render("nope.txt", Map.of()));
    assertEquals(
        "template automations/templates/nope.txt is not on the class path", missing.getMessage());
  }

  @Test
  void todayIsTheUtcDateOfTheTrigger() {
    Run run =
        new Run(
            "Report",
            Trigger.schedule(Instant.parse("2027-01-03T23:30:00-02:00")),
            List.of(),
            new NoLedger(),
            new NoEffects(),
            java.time.Clock.system(ZoneOffset.UTC));
    assertEquals(LocalDate.of(2027, 1, 4), run.today());
    assertEquals(Instant.parse("2027-01-04T01:30:00Z"), run.now());
  }

  private enum Shade {
    UTC
  }

  private enum Loud {
    LOUD {
      @Override
      public String toString() {
        return "loud";
      }
    }
  }

  private static final class NoLedger implements Ledger {
    @Override
    public int done(String automation, String triggerId) {
      return 0;
    }

    @Override
    public void record(String automation, String triggerId, int done, Instant now) {}
  }

  private static final class NoEffects implements Effects {
    @Override
    public void email(Email email) {}

    @Override
    public void http(HttpCall call) {}

    @Override
    public void s3Object(S3Put put) {}

    @Override
    public String secret(SecretRef secret) {
      return "";
    }
  }
}
