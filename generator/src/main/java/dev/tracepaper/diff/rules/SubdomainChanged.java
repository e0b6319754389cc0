package dev.tracepaper.diff.rules;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.DiffReporter;
import dev.tracepaper.diff.DiffRule;
import dev.tracepaper.diff.Elements;
import dev.tracepaper.diff.ModelChange;
import dev.tracepaper.diff.RuleClass;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Located;

/**
 * An aggregate's subdomain changed: its resources move to another stack, and its events get another
 * {@code source} on the bus. CloudFormation cannot move them in one deployment.
 */
public final class SubdomainChanged implements DiffRule {

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public RuleClass ruleClass() {
    return RuleClass.OPERATION;
  }

  @Override
  public void check(ModelChange change, DiffReporter report) {
    var current = Elements.aggregates(change.newModel());
    for (Aggregate old : change.oldModel().aggregates()) {
      Aggregate now = current.get(old.name());
      if (now == null) {
        continue;
      }
      String before = old.subdomain().map(Located::value).orElse("(none)");
      String after = now.subdomain().map(Located::value).orElse("(none)");
      if (!before.equals(after)) {
        report.report(
            change.current().at(now.subdomain().map(Located::location).orElse(now.location())),
            "the subdomain of aggregate %s changed: %s → %s; its resources move to another stack and its events get another source on the bus"
                .formatted(now.name(), before, after),
            "deploy twice: first without the aggregate's commands, policies and views, then with"
                + " them in the new subdomain, and rebuild the moved views; see"
                + " docs/generated-infrastructure.md#stacks");
      }
    }
  }
}
