package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;

/** Every aggregate instance is found by its business key, so an aggregate must name one. */
public final class AggregateWithoutKey implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (Aggregate aggregate : model.model().aggregates()) {
      if (aggregate.key().isEmpty()) {
        String hint =
            aggregate.fields().isEmpty()
                ? "add a String field that identifies an instance and name it in `key:`"
                : "add `key: %s` (or another String field that identifies an instance)"
                    .formatted(aggregate.fields().get(0).name());
        report.error(
            aggregate.location(),
            "Aggregate `%s` has no `key`: nothing says which field identifies an instance."
                .formatted(aggregate.name()),
            hint);
      }
    }
  }
}
