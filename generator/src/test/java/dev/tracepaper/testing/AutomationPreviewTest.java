package dev.tracepaper.testing;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.engine.Engine;
import dev.tracepaper.engine.Performed;
import dev.tracepaper.model.Automation;
import dev.tracepaper.model.ModelIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the engine works out an automation would do: variables in order, {@code if} and {@code
 * stopIf}, a loop's items, query values URL-encoded, secrets as placeholders; and a template that
 * cannot be filled fails its test at the template's place instead of crashing the run.
 */
class AutomationPreviewTest {

  private static final String MODEL =
      """
      tracepaper: 1
      app: {name: shop, package: com.example.shop}
      types:
        Address: {street: String, city: String}
      aggregates:
        Order:
          key: orderId
          fields: {orderId: String}
          events:
            OrderPlaced:
              fields: {orderId: String, items: '[String]', total: Int, address: Address}
          commands:
            PlaceOrder:
              creates: true
              fields: {orderId: String, items: '[String]', total: Int, address: Address}
              emits: [OrderPlaced]
              tests:
                - when: {orderId: o1, items: [tea], total: 1, address: {street: Main 1, city: Delft}}
                  then: {events: [OrderPlaced]}
      automations:
        Announce:
          on: Order.OrderPlaced
          secrets: {key: {secretsManager: shop/key}}
          do:
            - let: {big: event.total > 100, first: 'event.items[0]'}
            - forEach:
                in: event.items
                as: item
                do:
                  - http:
                      method: post
                      url: "'https://hooks.example/items'"
                      query: {name: item, order: event.orderId}
                      headers: {X-Key: secrets.key}
            - s3Object: {bucket: orders, key: "'big/' + first", template: big.txt, if: big}
            - stopIf: '!big'
            - s3Object: {bucket: orders, key: "'after/' + first", template: label.txt, with: {address: event.address}}
          tests:
            - when: {orderId: o1, items: [tea], total: 500, address: {street: Main 1, city: Delft}}
              then:
                - http: {url: 'https://hooks.example/items?name=tea&order=o1'}
                - s3Object: {key: big/tea}
                - s3Object: {key: after/tea}
      """;

  @TempDir Path folder;

  @Test
  void activitiesRunInOrderWithTheirConditionsLoopsAndVariables() throws IOException {
    ModelIndex index = model("{{street}}, {{city}}");

    ObjectNode event =
        (ObjectNode)
            JsonMapper.builder()
                .build()
                .readTree(
                    "{\"orderId\": \"o 1\", \"items\": [\"green tea\", \"a&b\"], \"total\": 20,"
                        + " \"address\": {\"street\": \"Main 1\", \"city\": \"Delft\"}}");
    Automation automation = index.model().automations().get(0);
    List<Performed> performed =
        new Engine(index).automation(automation, Optional.of(event), Instant.now());

    assertThat(performed.stream().map(Performed::kind).toList()).containsExactly("http", "http");
    assertThat(performed.get(0).details().get("method").asString()).isEqualTo("POST");
    assertThat(performed.get(0).details().get("url").asString())
        .isEqualTo("https://hooks.example/items?name=green+tea&order=o+1");
    assertThat(performed.get(1).details().get("url").asString())
        .isEqualTo("https://hooks.example/items?name=a%26b&order=o+1");
    assertThat(performed.get(1).details().get("headers").get("X-Key").asString())
        .isEqualTo("«secret key»");
  }

  @Test
  void aTemplateThatCannotBeFilledFailsItsTestAtTheTemplate() throws IOException {
    // `street` is a field of the address `with` gives, used outside the section that opens it.
    ModelIndex index = model("{{street}}");

    List<TestResult> results = ModelTests.run(index, r -> {}).results();

    TestResult automation = results.get(results.size() - 1);
    assertThat(automation.element()).isEqualTo("automation `Announce`");
    assertThat(automation.status()).isEqualTo(TestResult.Status.FAILED);
    TestResult.Mismatch mismatch = automation.mismatches().get(0);
    assertThat(mismatch.subject()).isEqualTo("the template `label.txt`");
    assertThat(mismatch.actual()).contains("street");
    assertThat(mismatch.location().line()).isEqualTo(lineOf("template: label.txt"));
  }

  @Test
  void theSameTemplateFilledFromItsSectionPasses() throws IOException {
    ModelIndex index = model("{{#address}}{{street}}{{/address}}");

    List<TestResult> results = ModelTests.run(index, r -> {}).results();

    assertThat(results.get(results.size() - 1).status()).isEqualTo(TestResult.Status.PASSED);
  }

  private static int lineOf(String text) {
    List<String> lines = MODEL.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text);
  }

  private ModelIndex model(String label) throws IOException {
    Files.writeString(folder.resolve("model.yaml"), MODEL, UTF_8);
    Files.writeString(folder.resolve("big.txt"), "big", UTF_8);
    Files.writeString(folder.resolve("label.txt"), label, UTF_8);
    return EditedExamples.index(folder);
  }
}
