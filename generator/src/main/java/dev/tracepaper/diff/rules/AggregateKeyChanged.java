package dev.tracepaper.diff.rules;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.DiffReporter;
import dev.tracepaper.diff.DiffRule;
import dev.tracepaper.diff.Elements;
import dev.tracepaper.diff.ModelChange;
import dev.tracepaper.diff.RuleClass;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Located;
import java.util.Optional;

/**
 * An aggregate's key field changed: its instances are stored under the old key's values, and the
 * commands would now look them up by another field.
 */
public final class AggregateKeyChanged implements DiffRule {

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public RuleClass ruleClass() {
    return RuleClass.STORED_DATA;
  }

  @Override
  public void check(ModelChange change, DiffReporter report) {
    var current = Elements.aggregates(change.newModel());
    for (Aggregate old : change.oldModel().aggregates()) {
      Aggregate now = current.get(old.name());
      if (now == null) {
        continue;
      }
      Optional<String> before = old.key().map(Located::value);
      Optional<String> after = now.key().map(Located::value);
      if (!before.equals(after)) {
        report.report(
            change.current().at(now.key().map(Located::location).orElse(now.location())),
            "the key of aggregate %s changed: %s → %s; its instances are stored by %s"
                .formatted(
                    now.name(),
                    before.orElse("(none)"),
                    after.orElse("(none)"),
                    before.orElse("(none)")),
            "keep `key: %s`; a new key means a new aggregate, with the old one kept for its stored events; see docs/evolution.md"
                .formatted(before.orElse("(none)")));
      }
    }
  }
}
