package dev.tracepaper.render.build;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.render.data.ViewData;
import dev.tracepaper.render.data.ViewTestData;
import dev.tracepaper.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A view's own cases as test data: each given event goes to the instance its aggregate's key names
 * (or the one before it), values are typed by the fields they fill, and method names do not clash
 * with the replayed cases of the same class.
 */
class ViewTestCodeTest {

  private static final String MODEL =
      """
      tracepaper: 1
      app: {name: shop, package: com.example.shop}
      aggregates:
        Order:
          key: orderId
          fields: {orderId: String, customerId: String, total: Int}
          events:
            OrderPlaced: {fields: {orderId: String, customerId: String, total: Int}}
            OrderShipped: {fields: {orderId: String, customerId: String}}
          commands:
            PlaceOrder:
              creates: true
              fields: {orderId: String, customerId: String, total: Int}
              emits: [OrderPlaced]
              tests:
                - name: places
                  when: {orderId: o1, customerId: c1, total: 2}
                  then: {events: [OrderPlaced]}
            ShipOrder:
              fields: {orderId: String}
              emits: [OrderShipped]
              tests:
                - name: ships
                  given: [OrderPlaced: {orderId: o1, customerId: c1, total: 2}]
                  when: {orderId: o1}
                  then: {events: [OrderShipped]}
      views:
        CustomerTotals:
          key: customerId
          fields: {customerId: String, total: Int, note: String}
          on:
            Order.OrderPlaced: {key: event.customerId, set: {total: event.total}}
            Order.OrderShipped: {key: event.customerId, delete: true}
          tests:
            - name: ships
              given:
                - Order.OrderPlaced: {orderId: o7, customerId: c1, total: 2}
                - OrderShipped: {customerId: c1}
              then: {rows: []}
            - given:
                - OrderPlaced: {customerId: c2, total: 3}
              then:
                rows: [{customerId: c2, total: 3, note: '3'}]
      """;

  @Test
  void givenEventsGoToTheInstanceTheirKeyNamesAndValuesAreTyped(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("model.yaml"), MODEL);
    Validator.Outcome outcome = new Validator().run(List.of(dir), dir);
    assertThat(outcome.report().hasErrors()).isFalse();
    ModelIndex index = outcome.index().orElseThrow();

    ViewData view = ProjectDataBuilder.build(index).views().get(0);
    assertThat(view.cases()).hasSize(1);
    assertThat(view.cases().get(0).method()).isEqualTo("ships");
    List<ViewTestData> tests = view.tests();
    assertThat(tests).hasSize(2);

    ViewTestData ships = tests.get(0);
    assertThat(ships.method()).isEqualTo("ships2");
    assertThat(ships.given().stream().map(ViewTestData.Given::key).toList())
        .containsExactly("o7", "o7")
        .inOrder();
    assertThat(ships.given().get(1).json()).isEqualTo("{\"customerId\":\"c1\"}");
    assertThat(ships.rows()).isEmpty();

    ViewTestData second = tests.get(1);
    assertThat(second.name()).isEqualTo("test 2");
    assertThat(second.given().get(0).key()).isEqualTo(dev.tracepaper.model.ViewTest.DEFAULT_KEY);
    assertThat(second.given().get(0).aggregateClass()).isEqualTo("OrderAggregate");
    assertThat(second.given().get(0).json()).isEqualTo("{\"customerId\":\"c2\",\"total\":3}");
    assertThat(second.rows()).containsExactly("{\"customerId\":\"c2\",\"total\":3,\"note\":\"3\"}");
    assertThat(view.testImports()).containsExactly("com.example.shop.order.OrderAggregate");
  }
}
