package dev.tracepaper.validate.rules;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.stack.StackPlan;
import dev.tracepaper.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AWS limit rules at their boundaries: one under the limit is quiet, one over reported. */
class AwsLimitsTest {

  private static final String APP = "tracepaper: 1\napp: {name: shop, package: com.example.shop}\n";

  @TempDir Path folder;

  @Test
  void ninetyNineEventsFitInATransactionAndAHundredDoNot() throws IOException {
    assertThat(ids(emitting(99), "TooManyEvents")).isEmpty();

    List<Diagnostic> found = ids(emitting(100), "TooManyEvents");
    assertThat(found).hasSize(1);
    // The 100th entry of the one-line `emits` list: `        emits: [` then 99 × `LineAdded, `.
    assertThat(found.get(0).location())
        .isEqualTo(SourceLocation.of("model.yaml", 12, 17 + 99 * "LineAdded, ".length()));
  }

  @Test
  void anEventIsTooLargeOnlyWhenItsBoundedFieldsCanPassTheItemLimit() throws IOException {
    assertThat(ids(document("{type: String, maxLength: 67000}"), "EventTooLarge")).isEmpty();

    List<Diagnostic> found = ids(document("{type: String, maxLength: 68000}"), "EventTooLarge");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).message()).contains("can be 401 KB");
  }

  @Test
  void unboundedFieldsAloneAreNotReported() throws IOException {
    assertThat(ids(document("Json"), "EventTooLarge")).isEmpty();
    assertThat(ids(document("'[String]'"), "EventTooLarge")).isEmpty();
  }

  @Test
  void theStackLimitIsFiveHundredResources() throws IOException {
    // 27 always (with the republish function, the logs and alarms), 21 for the read side (with
    // the bookkeeping table and the rebuild's state machine and its role), 3 for reading which
    // generation of a view is live, 2 for the user pool and its client; 9 per view: two tables
    // with a data source and a read function each, the data source role, and the get and list
    // resolvers.
    Path under = write(views(49));
    assertThat(TooManyResources.count(index(under))).isEqualTo(494);
    assertThat(ids(under, "TooManyResources")).isEmpty();

    Path over = write(views(50));
    assertThat(TooManyResources.count(index(over))).isEqualTo(503);
    assertThat(ids(over, "TooManyResources")).hasSize(1);
  }

  @Test
  void everyAutomationIsCountedInTheRootStack() throws IOException {
    // 27 always, a nested stack (Sales), the user pool and its client; 13 per scheduled
    // automation: its function (4, its log group and two alarms), queue, mapping, dead-letter
    // queue and its alarm, the schedule and its role.
    Path under = write(scheduledAutomations(36));
    assertThat(TooManyResources.count(index(under))).isEqualTo(498);
    assertThat(ids(under, "TooManyResources")).isEmpty();

    List<Diagnostic> found = ids(write(scheduledAutomations(37)), "TooManyResources");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).message())
        .isEqualTo(
            "The root stack would hold 511 CloudFormation resources after the SAM transform (0"
                + " for commands, 0 for policies, 0 for views and queries, 481 for automations, 30"
                + " shared), but a stack holds at most 500.");
    assertThat(found.get(0).hint()).contains("every automation is in the root stack");
  }

  /** An aggregate in a subdomain and {@code count} automations on a schedule, in the root. */
  private static String scheduledAutomations(int count) {
    StringBuilder yaml =
        new StringBuilder(
            APP
                + "aggregates:\n  Order: {subdomain: Sales, key: id, fields: {id: String},"
                + " events: {OrderPlaced: {fields: {id: String}}},"
                + " commands: {PlaceOrder: {fields: {id: String}, emits: [OrderPlaced]}}}\n"
                + "automations:\n");
    for (int i = 0; i < count; i++) {
      yaml.append(
          "  Tidy%d: {schedule: 'rate(1 day)', do: [{http: {method: GET, url: \"'https://shop.example/tidy'\"}}]}\n"
              .formatted(i));
    }
    return yaml.toString();
  }

  @Test
  void aNestedStackIsCountedOnItsOwn() throws IOException {
    // The subdomain's stack: function (4, its log group and two alarms), data source, the role,
    // and a resolver per command.
    assertThat(ids(write(salesCommands(491)), "TooManyResources")).isEmpty();

    List<Diagnostic> found = ids(write(salesCommands(492)), "TooManyResources");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).message())
        .startsWith("The nested stack Sales (stacks/Sales.yaml) would hold 501 ");
    assertThat(found.get(0).location()).isEqualTo(SourceLocation.of("model.yaml", 5, 16));
  }

  @Test
  void aStacksCommandRoleNamesAtMostSeventyFiveFunctions() throws IOException {
    assertThat(StackPlan.COMMAND_FUNCTION_LIMIT).isEqualTo(75);
    // In the root, which cannot split: 75 aggregates with a command are within the role's limit,
    // 76 are reported. (So many also pass the resource limit, which is reported on its own.)
    assertThat(roleLimit(write(commandAggregates(75, "")))).isEmpty();
    List<Diagnostic> found = roleLimit(write(commandAggregates(76, "")));
    assertThat(found).hasSize(1);
    assertThat(found.get(0).message())
        .isEqualTo(
            "The root stack would hold the command functions of 76 aggregates, but the role"
                + " AppSync invokes them with names each in its IAM policy, and IAM holds 10,240"
                + " characters of a role's policies: at most 75 functions.");
    // In a subdomain, which splits: each part's role names at most 75.
    Path sales = write(commandAggregates(76, "Sales"));
    assertThat(ids(sales, "TooManyResources")).isEmpty();
    List<StackPlan.Stack> stacks = StackPlan.of(index(sales)).nested();
    assertThat(stacks.size()).isGreaterThan(1);
    for (StackPlan.Stack stack : stacks) {
      assertThat(stack.commandFunctions()).isAtMost(75);
    }
  }

  /** The TooManyResources errors of {@code model} about its command roles. */
  private List<Diagnostic> roleLimit(Path model) throws IOException {
    return ids(model, "TooManyResources").stream()
        .filter(d -> d.message().contains("command functions of"))
        .toList();
  }

  /** {@code count} aggregates of one command each, in {@code subdomain} (none when empty). */
  static String commandAggregates(int count, String subdomain) {
    StringBuilder yaml = new StringBuilder(APP + "aggregates:\n");
    for (int i = 0; i < count; i++) {
      yaml.append(
          "  Order%d: {%skey: id, fields: {id: String},"
              .formatted(i, subdomain.isEmpty() ? "" : "subdomain: " + subdomain + ", "));
      yaml.append(" events: {Order%dPlaced: {fields: {id: String}}},".formatted(i));
      yaml.append(
          " commands: {PlaceOrder%d: {fields: {id: String}, emits: [Order%dPlaced]}}}\n"
              .formatted(i, i));
    }
    return yaml.toString();
  }

  private static String salesCommands(int count) {
    StringBuilder yaml =
        new StringBuilder(
            APP
                + """
                aggregates:
                  Order:
                    subdomain: Sales
                    key: orderId
                    fields: {orderId: String}
                    events:
                      OrderTouched: {fields: {orderId: String}}
                    commands:
                """);
    for (int i = 0; i < count; i++) {
      yaml.append("      TouchOrder").append(i).append(": ");
      yaml.append("{fields: {orderId: String}, emits: [OrderTouched]}\n");
    }
    return yaml.toString();
  }

  @Test
  void aViewsTableSuffixMayHaveOneHundredAndTwentyCharacters() throws IOException {
    // Its green table's name is the longest: <stack>.<suffix>.green.
    assertThat(ids(write(viewNamed("Order" + "x".repeat(115))), "AwsNameTooLong")).isEmpty();

    List<Diagnostic> found = ids(write(viewNamed("Order" + "x".repeat(116))), "AwsNameTooLong");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).message()).contains("256 characters with a stack name of 128");
    assertThat(found.get(0).message()).contains(".green`");
  }

  @Test
  void aSubdomainMayHaveTwoHundredAndEighteenCharacters() throws IOException {
    // Its deepest part's role: the stack name, Part and 12 bits, CommandDataSourceRole.
    String fits = "S" + "x".repeat(217);
    assertThat(ids(write(commandAggregates(1, fits)), "AwsNameTooLong")).isEmpty();

    List<Diagnostic> found = ids(write(commandAggregates(1, fits + "x")), "AwsNameTooLong");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).message()).contains("256 characters when the stack is split");
    assertThat(found.get(0).location()).isEqualTo(SourceLocation.of("model.yaml", 4, 23));
  }

  private Path emitting(int events) throws IOException {
    return write(
        APP
            + """
            aggregates:
              Order:
                key: orderId
                fields: {orderId: String}
                events:
                  LineAdded: {fields: {orderId: String}}
                commands:
                  AddLines:
                    fields: {orderId: String}
            """
            + "        emits: ["
            + String.join(", ", Collections.nCopies(events, "LineAdded"))
            + "]\n");
  }

  private Path document(String bodyType) throws IOException {
    return write(
        APP
            + """
            aggregates:
              Document:
                key: id
                fields: {id: String}
                events:
                  DocumentWritten:
                    fields:
                      id: {type: String, maxLength: 36}
                      body: %s
            """
                .formatted(bodyType));
  }

  private static String views(int count) {
    StringBuilder yaml =
        new StringBuilder(
            APP + "aggregates:\n  Order: {key: orderId, fields: {orderId: String}}\n");
    yaml.append("views:\n");
    for (int i = 0; i < count; i++) {
      yaml.append("  OrderView").append(i).append(": {from: Order, fields: {orderId: String}}\n");
    }
    return yaml.toString();
  }

  private static String viewNamed(String name) {
    return views(0)
        .replace("views:\n", "views:\n  " + name + ": {from: Order, fields: {orderId: String}}\n");
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(folder.resolve("model.yaml"), yaml);
  }

  private ModelIndex index(Path model) {
    return new Validator().run(List.of(model), folder).index().orElseThrow();
  }

  private List<Diagnostic> ids(Path model, String id) {
    return new Validator()
        .validate(List.of(model), folder).diagnostics().stream()
            .filter(d -> d.id().equals(id))
            .toList();
  }
}
