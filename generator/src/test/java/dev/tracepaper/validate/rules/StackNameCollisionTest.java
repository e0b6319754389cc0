package dev.tracepaper.validate.rules;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.stack.StackPlan;
import dev.tracepaper.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The names the stacks take are judged against each other and against the views' names. */
class StackNameCollisionTest {

  @TempDir Path folder;

  @Test
  void aViewNamedLikeAStacksCommandRoleIsReportedAtBoth() throws IOException {
    Diagnostic d = only(withView("Sales", "SalesCommand"), "StackNameCollision");
    assertThat(d.message())
        .isEqualTo(
            "View `SalesCommand` collides with subdomain `Sales` (its nested stack Sales), defined"
                + " at model.yaml:4:23: both would produce the CloudFormation resource"
                + " `SalesCommandDataSourceRole`.");
    assertThat(d.location()).isEqualTo(SourceLocation.of("model.yaml", 6, 3));
    assertThat(d.related()).containsExactly(SourceLocation.of("model.yaml", 4, 23));
    assertThat(d.hint()).isEqualTo("rename view `SalesCommand`, or subdomain `Sales`");
  }

  @Test
  void aSubdomainNamedLikeThePartOfASplitOneIsReported() throws IOException {
    // 76 aggregates with commands are more than one stack's command role names: Sales splits.
    String large = AwsLimitsTest.commandAggregates(76, "Sales");
    List<String> parts = nestedStacks(large);
    assertThat(parts.size()).isGreaterThan(1);
    String part = parts.stream().filter(p -> !p.equals("Sales")).findFirst().orElseThrow();

    String yaml =
        large
            + "  Invoice: {subdomain: %s, key: id, fields: {id: String},".formatted(part)
            + " events: {InvoiceSent: {fields: {id: String}}},"
            + " commands: {SendInvoice: {fields: {id: String}, emits: [InvoiceSent]}}}\n";
    Diagnostic d = only(yaml, "StackNameCollision");
    assertThat(d.message())
        .contains("would produce the CloudFormation resource `" + part + "Stack`");
    assertThat(d.message())
        .contains("the nested stack " + part + ", a part of subdomain `Sales` split for its size");
    assertThat(d.hint()).startsWith("rename subdomain `" + part + "`: ");
  }

  @Test
  void subdomainsWhoseFilesDifferOnlyInCaseAreReported() throws IOException {
    String yaml =
        AwsLimitsTest.commandAggregates(2, "SalesTax")
            .replace("Order1: {subdomain: SalesTax", "Order1: {subdomain: Salestax");
    assertThat(only(yaml, "StackNameCollision").message())
        .endsWith("both would produce the file stacks/Salestax.yaml.");
  }

  @Test
  void automationsWhoseNamesAreOneInPascalCaseAreReported() throws IOException {
    String automation =
        ": {schedule: 'rate(1 day)', do: [{http: {method: GET, url: \"'https://shop.example/tidy'\"}}]}\n";
    String yaml =
        AwsLimitsTest.commandAggregates(1, "")
            + "automations:\n  tidy-up"
            + automation
            + "  TidyUp"
            + automation;
    Diagnostic d = only(yaml, "StackNameCollision");
    assertThat(d.message())
        .isEqualTo(
            "Automation `TidyUp` collides with automation `tidy-up`, defined at model.yaml:6:3:"
                + " both would produce the CloudFormation resource `TidyUpAutomationFunction`.");
    assertThat(d.location()).isEqualTo(SourceLocation.of("model.yaml", 7, 3));
    assertThat(d.hint()).isEqualTo("rename automation `TidyUp`, or automation `tidy-up`");
  }

  @Test
  void aViewNamedCommandTakesTheRootsCommandRole() throws IOException {
    assertThat(only(withView("", "Command"), "ReservedWord").message())
        .contains("`CommandDataSourceRole`");
  }

  private List<String> nestedStacks(String yaml) throws IOException {
    Path model = Files.writeString(folder.resolve("model.yaml"), yaml);
    return StackPlan.of(new Validator().run(List.of(model), folder).index().orElseThrow())
        .nested()
        .stream()
        .map(StackPlan.Stack::name)
        .toList();
  }

  /** An aggregate with a command in {@code subdomain} (none when empty), and view {@code view}. */
  private static String withView(String subdomain, String view) {
    return AwsLimitsTest.commandAggregates(1, subdomain)
        + "views:\n  "
        + view
        + ": {from: Order0, fields: {id: String}}\n";
  }

  /** The one diagnostic of rule {@code id} for the model {@code yaml}. */
  private Diagnostic only(String yaml, String id) throws IOException {
    Path model = Files.writeString(folder.resolve("model.yaml"), yaml);
    List<Diagnostic> found =
        new Validator()
            .validate(List.of(model), folder).diagnostics().stream()
                .filter(d -> d.id().equals(id))
                .toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
