package dev.tracepaper.render;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model's scenarios become {@code ScenariosTest} (in memory, with the coverage minimums) and
 * {@code ScenariosOnMotoTest}: each command step by its mutation with the input in the API's form,
 * each query with what it reads by and who it admits; a model without scenarios gets neither.
 */
class ScenarioTestsTest {

  private static final String MODEL =
      """
      tracepaper: 1
      app:
        name: shop
        package: com.example.shop
        auth: {roles: [clerk]}
        scenarioCoverage: {events: 50, views: 100}
      aggregates:
        Order:
          key: orderId
          fields: {orderId: String, total: Int, placedOn: Date}
          events:
            OrderPlaced: {fields: {orderId: String, total: Int, placedOn: Date}}
          commands:
            PlaceOrder:
              creates: true
              fields: {orderId: {type: String, autoFill: uuid}, total: Int, placedOn: Date}
              emits: [OrderPlaced]
              tests:
                - when: {total: 2, placedOn: '2026-01-02'}
                  then: {events: [OrderPlaced]}
      views:
        OrderList:
          from: Order
          auth: [role:clerk, owner:orderId]
          fields: {orderId: String, total: Int, placedOn: Date}
          queries:
            get: {}
            byTotal: {index: total, sort: placedOn asc}
      scenarios:
        Checkout:
          as: {id: u-ann, name: ann, roles: [clerk]}
          steps:
            - set: {amount: 12}
            - name: Place it
              command: PlaceOrder
              input: {total: '${amount}', placedOn: '2026-01-02'}
              extract: {order: id}
            - query: OrderList.byTotal
              args: {total: 12}
              expect: {items.0.orderId: '${order}', items.0.total: 12}
      """;

  @Test
  void scenariosBecomeStepsThroughTheApi(@TempDir Path folder) throws Exception {
    Path model = folder.resolve("model.yaml");
    Files.writeString(model, MODEL);
    Map<String, String> files = GeneratedGoldenTest.render(model);
    String test = files.get("src/test/java/com/example/shop/ScenariosTest.java");

    assertThat(test)
        .contains(
            ".command(\"placeOrder\", \"AMAZON_COGNITO_USER_POOLS\", OrderCommandHandler::new)");
    assertThat(test)
        .containsMatch(
            "\\.index\\(\\s*\"OrderList\\.byTotal\",\\s*new OrderListProjection\\(\\),\\s*\"total\","
                + "\\s*\"placedOn\",\\s*true,\\s*null,\\s*List\\.of\\(\"clerk\"\\),"
                + "\\s*List\\.of\\(\"orderId\"\\)\\)");
    assertThat(test)
        .contains("COVERAGE.report(50, 100, Path.of(\"target\", \"scenario-coverage.txt\"));");
    assertThat(test).contains("scenario.set(\"amount\", \"12\");");
    assertThat(test)
        .containsMatch(
            "\\.step\\(\"step 2 \\(Place it\\)\"\\)\\s*"
                + "\\.as\\(\"u-ann\", \"ann\", List\\.of\\(\"clerk\"\\)\\)\\s*"
                + "\\.command\\(\"placeOrder\", \"\\{\\\\\"total\\\\\":\\\\\"\\$\\{amount}\\\\\","
                + "\\\\\"placedOn\\\\\":\\\\\"2026-01-02\\\\\"}\"\\)\\s*"
                + "\\.extract\\(\"order\", \"id\"\\)\\s*\\.run\\(\\);");
    assertThat(test).contains(".expect(\"items.0.total\", \"12\")");
    assertThat(files.get("src/test/java/com/example/shop/ScenariosOnMotoTest.java"))
        .contains("ApiScenario.onMoto(ScenariosTest.API, MOTO)");
  }

  @Test
  void aModelWithoutScenariosGetsNoScenarioTests(@TempDir Path folder) throws Exception {
    Path model = folder.resolve("model.yaml");
    Files.writeString(
        model,
        MODEL
            .substring(0, MODEL.indexOf("scenarios:"))
            .replace("  scenarioCoverage: {events: 50, views: 100}\n", ""));
    Map<String, String> files = GeneratedGoldenTest.render(model);

    assertThat(files.keySet().stream().filter(p -> p.contains("Scenarios")).toList()).isEmpty();
  }
}
