package dev.tracepaper.render;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A handler's {@code delete} condition is checked on the row as it is, before {@code set}: it
 * removes the row when it holds, and otherwise {@code set} applies, or, without {@code set},
 * nothing changes.
 */
class ViewDeleteConditionTest {

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
            OrderCancelled: {fields: {orderId: String, customerId: String}}
          commands:
            PlaceOrder:
              creates: true
              fields: {orderId: String, customerId: String, total: Int}
              emits: [OrderPlaced]
              tests:
                - when: {orderId: o1, customerId: c1, total: 2}
                  then: {events: [OrderPlaced]}
      views:
        CustomerOrders:
          key: customerId
          fields: {customerId: String, open: Int}
          on:
            Order.OrderPlaced:
              key: event.customerId
              set: {open: 'has(view.open) ? view.open + 1 : 1'}
            Order.OrderCancelled:
              key: event.customerId
              set: {open: view.open - 1}
              delete: view.open <= 1
        BigOrders:
          key: orderId
          fields: {orderId: String, total: Int}
          on:
            Order.OrderPlaced: {key: event.orderId, delete: event.total < 100}
      """;

  @Test
  void theConditionRemovesTheRowAndSetAppliesOtherwise(@TempDir Path folder) throws Exception {
    Path model = folder.resolve("model.yaml");
    Files.writeString(model, MODEL);
    Map<String, String> files = GeneratedGoldenTest.render(model);
    String views = "src/main/java/com/example/shop/views/";

    String orders = files.get(views + "CustomerOrdersProjection.java");
    String cancelled = orders.substring(orders.indexOf("on(OrderCancelled event"));
    assertThat(cancelled)
        .containsMatch(
            "CustomerOrders view = row\\(rows, key\\);\\n"
                + "\\s*if \\(view\\.open\\(\\) <= 1L\\) \\{\\n"
                + "\\s*return List\\.of\\(new RowChange\\.Delete\\(key\\)\\);\\n"
                + "\\s*}\\n"
                + "\\s*CustomerOrders row =");

    String big = files.get(views + "BigOrdersProjection.java");
    String placed = big.substring(big.indexOf("on(OrderPlaced event"));
    assertThat(placed)
        .containsMatch(
            "if \\(event\\.total\\(\\) < 100L\\) \\{\\n"
                + "\\s*return List\\.of\\(new RowChange\\.Delete\\(key\\)\\);\\n"
                + "\\s*}\\n"
                + "\\s*return List\\.of\\(\\);\\n");
    assertThat(placed).doesNotContain("RowChange.Put");
  }
}
