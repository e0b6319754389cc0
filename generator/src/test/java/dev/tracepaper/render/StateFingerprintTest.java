package dev.tracepaper.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracepaper.render.data.AggregateData;
import dev.tracepaper.render.data.ProjectData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An aggregate's state fingerprint ({@code AggregateType.stateFingerprint()}) changes with every
 * change of the model that changes what folding its events gives, and with no other: the shop model
 * of the golden test, changed one line at a time.
 */
class StateFingerprintTest {

  private static final Path SHOP = Path.of("src/test/resources/generated/shop/model.yaml");

  @TempDir Path folder;

  @Test
  void isAShortHexHashPerAggregate() {
    Map<String, String> fingerprints = fingerprints(read());
    assertEquals(2, fingerprints.size());
    fingerprints.values().forEach(f -> assertTrue(f.matches("[0-9a-f]{16}"), f));
    assertNotEquals(fingerprints.get("Order"), fingerprints.get("Stock"));
    assertEquals(fingerprints, fingerprints(read()), "the same model, the same fingerprints");
  }

  /** Each change: the text replaced, what replaces it. */
  @ParameterizedTest(name = "unchanged by: {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          an aggregate's description | description: An order of a customer, with its lines | description: Orders
          an event's description     | description: The customer placed the order | description: Placed
          the order of state fields  | '      orderId: String\\n      customer: String\\n' | '      customer: String\\n      orderId: String\\n'
          the order of apply lines   | '          total: state.total + double(event.quantity) * event.price\\n          lines: {upsert: event.sku, with: {quantity: event.quantity, price: event.price}}\\n' | '          lines: {upsert: event.sku, with: {price: event.price, quantity: event.quantity}}\\n          total: state.total + double(event.quantity) * event.price\\n'
          spaces in an expression    | state.total + double(event.quantity) * event.price | state.total+double( event.quantity )*event.price
          a command's constraint     | 'reason: {type: String, maxLength: 200}' | 'reason: {type: String, maxLength: 300}'
          a command's rule           | require: state.status == 'OPEN' | require: state.status != 'CANCELLED'
          a view's where             | where: state.status == 'OPEN' | where: state.status != 'CANCELLED'
          snapshotEvery              | snapshotEvery: 50 | snapshotEvery: 20
          an event field's bound     | 'quantity: {type: Int, min: 1}}   # checked when recorded' | 'quantity: {type: Int, min: 2}}'
          """)
  void stableAcrossChangesThatDoNotChangeFolding(String change, String from, String to) {
    String order = fingerprints(read()).get("Order");
    assertEquals(order, fingerprints(changed(from, to)).get("Order"), change);
  }

  @ParameterizedTest(name = "changed by: {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          an apply rule              | 'apply: {status: "''OPEN''", total: ''0.0''}' | 'apply: {status: "''OPEN''", total: ''1.0''}'
          an upsert's with           | 'with: {quantity: event.quantity, price: event.price}' | 'with: {quantity: event.quantity}'
          a remove becoming a rule   | 'lines: {remove: event.sku}' | 'lines: {remove: event.sku}\\n          total: 0.0'
          deleted                    | 'apply: {status: "''CANCELLED''", deleted: true}' | 'apply: {status: "''CANCELLED''"}'
          an implicit copy           | 'fields: {orderId: String, sku: String}\\n        apply:' | 'fields: {orderId: String, sku: String, customer: String}\\n        apply:'
          a new state field          | '      notes: Json\\n' | '      notes: Json\\n      comment: String\\n'
          a state field's type       | '      status: OrderStatus\\n' | '      status: String\\n'
          a type's shape             | '    street: String\\n' | '    street: String\\n    city: {type: String, required: false}\\n'
          an entity's shape          | 'Line: {sku: String, quantity: Int, price: Float}' | 'Line: {sku: String, quantity: Int, price: Float, note: String}'
          an enum's literals         | 'OrderStatus: [OPEN, PAID, CANCELLED]' | 'OrderStatus: [OPEN, PAID, CANCELLED, SHIPPED]'
          a new event                | '    commands:\\n      PlaceOrder:' | '      OrderNoted:\\n        fields: {orderId: String, notes: Json}\\n    commands:\\n      PlaceOrder:'
          """)
  void differsWhenFoldingChanges(String change, String from, String to) {
    Map<String, String> before = fingerprints(read());
    Map<String, String> after = fingerprints(changed(from, to));
    assertNotEquals(before.get("Order"), after.get("Order"), change);
    assertEquals(before.get("Stock"), after.get("Stock"), "another aggregate's is unchanged");
  }

  @Test
  void theStockAggregateChangesWithItsOwnRules() {
    String stock = fingerprints(read()).get("Stock");
    String changed =
        fingerprints(
                changed(
                    "has(state.reserved) ? state.reserved + event.quantity : event.quantity",
                    "has(state.reserved) ? state.reserved - event.quantity : event.quantity"))
            .get("Stock");
    assertNotEquals(stock, changed);
  }

  private static String read() {
    try {
      return Files.readString(SHOP);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String changed(String from, String to) {
    String model = read();
    String old = from.replace("\\n", "\n");
    assertTrue(model.contains(old), "the shop model holds " + old);
    return model.replace(old, to.replace("\\n", "\n"));
  }

  private Map<String, String> fingerprints(String model) {
    try {
      Path dir = Files.createTempDirectory(folder, "model");
      Files.writeString(dir.resolve("model.yaml"), model);
      // The templates its automations fill lie beside it.
      for (String template : List.of("confirmation.html", "export.csv")) {
        Files.copy(SHOP.resolveSibling(template), dir.resolve(template));
      }
      ProjectData project = ModelProjects.of(dir);
      return project.aggregates().stream()
          .collect(Collectors.toMap(AggregateData::name, AggregateData::stateFingerprint));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
