package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Automation;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.naming.AwsNames;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.stack.StackPlan;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A name the stack plan derives from a subdomain that another subdomain or a view already gives:
 * each nested stack is a resource {@code <Stack>Stack} of the root, a file {@code
 * stacks/<Stack>.yaml}, and (with commands) a role {@code <Stack>CommandDataSourceRole}. A
 * subdomain named like the part of a split one ({@code SalesPart1} beside a {@code Sales} that
 * splits), two subdomains whose files differ only in case, or a view named {@code <Stack>Command}
 * (whose data source role is {@code <Stack>CommandDataSourceRole}) would give a broken template.
 * Two automations whose names are one in PascalCase ({@code tidy-up}, {@code TidyUp}) would give
 * one set of resources. NameCollision judges the names of model elements among themselves; this
 * rule adds the stacks' and the automations'.
 */
public final class StackNameCollision implements Rule {

  /**
   * Who gives a name: a stack (located at its subdomain) or a view.
   *
   * @param part whether it is a part of a split subdomain, whose name the plan chose
   */
  private record Owner(String description, String renamed, SourceLocation location, boolean part) {}

  @Override
  public void check(ModelIndex model, Reporter report) {
    Map<String, Owner> logicalIds = new HashMap<>();
    Map<String, Owner> files = new HashMap<>();
    Set<List<Owner>> reported = new HashSet<>();
    for (StackPlan.Stack stack : StackPlan.of(model).nested()) {
      Owner owner = owner(model, stack);
      claim(logicalIds, AwsNames.nestedStackId(stack.name()), owner, "resource", reported, report);
      if (stack.commandFunctions() > 0) {
        claim(
            logicalIds, AwsNames.commandRoleId(stack.name()), owner, "resource", reported, report);
      }
      String file = "stacks/" + stack.name() + ".yaml";
      claim(files, file.toLowerCase(Locale.ROOT), owner, "file " + file, reported, report);
    }
    // Every automation's resources start with its name in PascalCase, which two names may share.
    for (Automation automation : model.model().automations()) {
      String described = "automation `" + automation.name() + "`";
      claim(
          logicalIds,
          AwsNames.automationId(automation.name()) + "Function",
          new Owner(described, "rename " + described, automation.location(), false),
          "resource",
          reported,
          report);
    }
    for (NamedElement e : NamedElements.of(model)) {
      if (e.kind() == NamedElement.Kind.VIEW && !e.shadowed() && ValidNames.isUsable(e)) {
        Owner view = new Owner(e.describe(), "rename " + e.describe(), e.location(), false);
        claim(
            logicalIds,
            AwsNames.viewDataSourceRoleId(e.name()),
            view,
            "resource",
            reported,
            report);
      }
    }
  }

  private static Owner owner(ModelIndex model, StackPlan.Stack stack) {
    String subdomain = "subdomain `" + stack.subdomain() + "`";
    boolean part = !stack.name().equals(StackPlan.stackName(stack.subdomain()));
    String description =
        part
            ? "the nested stack "
                + stack.name()
                + ", a part of "
                + subdomain
                + " split for its size"
            : subdomain + " (its nested stack " + stack.name() + ")";
    return new Owner(
        description, "rename " + subdomain, TooManyResources.where(model, stack), part);
  }

  /** Claims {@code name} for {@code owner}; a clash is reported once per pair of owners. */
  private static void claim(
      Map<String, Owner> claims,
      String name,
      Owner owner,
      String what,
      Set<List<Owner>> reported,
      Reporter report) {
    Owner earlier = claims.putIfAbsent(name, owner);
    if (earlier == null || earlier.equals(owner)) {
      return;
    }
    String produced =
        what.equals("resource") ? "the CloudFormation resource `" + name + "`" : "the " + what;
    List<Owner> pair =
        earlier.location().compareTo(owner.location()) <= 0
            ? List.of(earlier, owner)
            : List.of(owner, earlier);
    if (!reported.add(pair)) {
      return;
    }
    report.error(
        pair.get(1).location(),
        "%s collides with %s, defined at %s: both would produce %s."
            .formatted(
                capitalized(pair.get(1).description()),
                pair.get(0).description(),
                pair.get(0).location(),
                produced),
        hint(pair.get(0), pair.get(1)),
        pair.get(0).location());
  }

  /** Rename the one whose name the model chose: a part's name is the plan's. */
  private static String hint(Owner earlier, Owner later) {
    if (earlier.part() || later.part()) {
      Owner chosen = earlier.part() ? later : earlier;
      return chosen.renamed()
          + ": a subdomain too large for one stack is split into stacks named after it, with"
          + " `Part` and binary digits";
    }
    return earlier.renamed().equals(later.renamed())
        ? later.renamed()
        : later.renamed() + ", or " + earlier.renamed().substring("rename ".length());
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
