package dev.tracepaper.stack;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where each element goes, and that growth moves only what it must. */
class StackPlanTest {

  private static final String APP = "tracepaper: 1\napp: {name: shop, package: com.example.shop}\n";

  @TempDir Path folder;

  @Test
  void aSubdomainIsANestedStackAndTheRestStaysInTheRoot() throws IOException {
    StackPlan plan =
        plan(
            APP
                + "aggregates:\n"
                + aggregate("Order", "Sales", 1)
                + aggregate("Invoice", "order billing", 1)
                + aggregate("Stock", "", 1)
                + "views:\n"
                + "  OpenOrder: {key: orderId, from: Order, fields: {orderId: String}}\n"
                + "  Sheet:\n"
                + "    key: orderId\n"
                + "    fields: {orderId: String, seen: Int}\n"
                + "    on:\n"
                + "      OrderDone: {key: event.orderId, set: {seen: 1}}\n"
                + "      InvoiceDone: {key: event.orderId, set: {seen: 2}}\n");

    assertThat(plan.nested().stream().map(StackPlan.Stack::name).toList())
        .containsExactly("OrderBilling", "Sales")
        .inOrder();
    assertThat(plan.stackOf("Order").name()).isEqualTo("Sales");
    assertThat(plan.stackOf("Order").subdomain()).isEqualTo("Sales");
    assertThat(plan.stackOf("Invoice").name()).isEqualTo("OrderBilling");
    assertThat(plan.stackOf("OpenOrder").name()).isEqualTo("Sales");
    // A view that reads two subdomains, and an aggregate without one, are the root's.
    assertThat(plan.stackOf("Sheet").nested()).isFalse();
    assertThat(plan.stackOf("Stock").nested()).isFalse();
    assertThat(plan.root().aggregates()).containsExactly("Stock");
    // The root holds a resource per nested stack.
    assertThat(plan.root().count().shared()).isAtLeast(2);
  }

  @Test
  void aStackOfViewsAloneKnowsItsSubdomain() throws IOException {
    // Order has neither commands nor policies: only the view that reads it is in the stack.
    StackPlan plan =
        plan(
            APP
                + "aggregates:\n"
                + "  Order: {subdomain: Sales, key: orderId, fields: {orderId: String}}\n"
                + "views:\n"
                + "  OpenOrder: {key: orderId, from: Order, fields: {orderId: String}}\n");

    assertThat(plan.stackOf("OpenOrder").name()).isEqualTo("Sales");
    assertThat(plan.stackOf("OpenOrder").subdomain()).isEqualTo("Sales");
  }

  @Test
  void aSubdomainTooLargeForOneStackIsSplitByAStableHash() throws IOException {
    // 70 aggregates of 10 commands (15 resources each): 1,050 resources in one subdomain.
    StackPlan plan = plan(APP + "aggregates:\n" + aggregates("Big", 70, 10));

    assertThat(plan.nested().size()).isAtLeast(3);
    for (StackPlan.Stack stack : plan.nested()) {
      assertThat(stack.resources()).isAtMost(StackPlan.STACK_LIMIT);
      assertThat(stack.subdomain()).isEqualTo("Big");
      assertThat(stack.name()).matches("Big(Part[01]*1)?");
    }
    assertThat(plan.nested().get(0).name()).isEqualTo("Big");
    assertThat(plan.nested().stream().mapToInt(s -> s.aggregates().size()).sum()).isEqualTo(70);
    // The same model, read again, is split the same way.
    assertThat(stacks(plan(APP + "aggregates:\n" + aggregates("Big", 70, 10))))
        .isEqualTo(stacks(plan));
  }

  @Test
  void growthMovesNoElementOutOfAStackThatStillFits() throws IOException {
    Map<String, String> before =
        stacks(plan(APP + "aggregates:\n" + aggregates("Big", 70, 10) + aggregates("Small", 3, 1)));
    // One more aggregate in each subdomain, and a new subdomain.
    Map<String, String> after =
        stacks(
            plan(
                APP
                    + "aggregates:\n"
                    + aggregates("Big", 71, 10)
                    + aggregates("Small", 4, 1)
                    + aggregates("New", 1, 1)));

    int moved = 0;
    for (Map.Entry<String, String> element : before.entrySet()) {
      if (!after.get(element.getKey()).equals(element.getValue())) {
        moved++;
      }
    }
    assertThat(moved).isEqualTo(0);
    assertThat(after.get("New0")).isEqualTo("New");
  }

  @Test
  void whenAPartOverflowsOnlyItsOwnElementsMove() throws IOException {
    // Grows one aggregate at a time: whenever an element changes stack, it leaves the stack that
    // split and every other element stays.
    Map<String, String> before = stacks(plan(APP + "aggregates:\n" + aggregates("Big", 30, 10)));
    for (int count = 31; count <= 80; count++) {
      Map<String, String> after =
          stacks(plan(APP + "aggregates:\n" + aggregates("Big", count, 10)));
      String split = null;
      for (Map.Entry<String, String> element : before.entrySet()) {
        String now = after.get(element.getKey());
        if (!now.equals(element.getValue())) {
          if (split == null) {
            split = element.getValue();
          }
          assertThat(element.getValue()).isEqualTo(split);
          assertThat(now).startsWith(split.contains("Part") ? split : split + "Part");
        }
      }
      before = after;
    }
    // From one stack to several: the splits happened on the way.
    assertThat(new java.util.HashSet<>(before.values()).size()).isAtLeast(3);
  }

  /** Each element's stack name, by element. */
  private static Map<String, String> stacks(StackPlan plan) {
    Map<String, String> stacks = new TreeMap<>();
    for (StackPlan.Stack stack : plan.nested()) {
      stack.aggregates().forEach(a -> stacks.put(a, stack.name()));
      stack.views().forEach(v -> stacks.put(v, stack.name()));
    }
    plan.root().aggregates().forEach(a -> stacks.put(a, ""));
    plan.root().views().forEach(v -> stacks.put(v, ""));
    return stacks;
  }

  private static String aggregates(String subdomain, int count, int commands) {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < count; i++) {
      yaml.append(aggregate(subdomain + i, subdomain, commands));
    }
    return yaml.toString();
  }

  private static String aggregate(String name, String subdomain, int commands) {
    StringBuilder yaml = new StringBuilder("  " + name + ":\n");
    if (!subdomain.isEmpty()) {
      yaml.append("    subdomain: ").append(subdomain).append('\n');
    }
    yaml.append("    key: orderId\n    fields: {orderId: String}\n");
    yaml.append("    events: {" + name + "Done: {fields: {orderId: String}}}\n");
    yaml.append("    commands:\n");
    for (int c = 0; c < commands; c++) {
      yaml.append("      Finish" + name + "Step" + c + ": ")
          .append("{fields: {orderId: String}, emits: [" + name + "Done]}\n");
    }
    return yaml.toString();
  }

  private StackPlan plan(String yaml) throws IOException {
    Path model = Files.writeString(folder.resolve("model.yaml"), yaml);
    Validator.Outcome outcome = new Validator().run(List.of(model), folder);
    assertThat(outcome.report().hasErrors()).isFalse();
    return StackPlan.of(outcome.index().orElseThrow());
  }
}
