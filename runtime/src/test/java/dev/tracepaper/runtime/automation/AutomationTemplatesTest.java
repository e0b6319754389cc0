package dev.tracepaper.runtime.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tracepaper.runtime.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The templates render as {@code tracepaper test} previews them: the first five tests are the
 * generator's TemplatesTest (generator/src/test/.../automation/TemplatesTest.java), same inputs,
 * same outputs; then the engine's conversion of values ({@code AutomationRunner.plain}) and URLs.
 */
class AutomationTemplatesTest {

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
    assertEquals(
        "Ada &quot;&lt;O&#39;Hara&gt;&quot; &amp; Co\nLtd ordered 2×tea ",
        Templates.render("mail.html", TEXT, VALUES));
  }

  @Test
  void escapesTheInsideOfAJsonStringByTheExtension() {
    assertEquals(
        "{\"who\": \"Ada \\\"<O'Hara>\\\" & Co\\nLtd\"}",
        Templates.render("body.json", "{\"who\": \"{{name}}\"}", VALUES));
  }

  @Test
  void leavesTextAsItIs() {
    assertEquals("Ada \"<O'Hara>\" & Co\nLtd", Templates.render("report.txt", "{{name}}", VALUES));
  }

  @Test
  void tripleBracesAreNeverEscaped() {
    assertEquals("<b>", Templates.render("mail.html", "{{{name}}}", Map.of("name", "<b>")));
  }

  @Test
  void anAbsentValueIsEmpty() {
    Map<String, Object> values = new HashMap<>();
    values.put("name", null);
    assertEquals("[]", Templates.render("mail.txt", "[{{name}}]", values));
  }

  @Test
  void htmIsHtmlAndTheExtensionIsReadInAnyCase() {
    assertEquals("&lt;b&gt;", Templates.render("MAIL.HTM", "{{name}}", Map.of("name", "<b>")));
    assertEquals("\\t", Templates.render("Body.JSON", "{{name}}", Map.of("name", "\t")));
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
