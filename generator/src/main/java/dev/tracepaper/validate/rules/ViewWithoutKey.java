package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.View;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;

/**
 * A view kept {@code on} events has no aggregate to borrow a key from: it must say which field
 * identifies a row.
 */
public final class ViewWithoutKey implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (View view : model.model().views()) {
      if (view.key().isEmpty() && view.from().isEmpty() && !view.handlers().isEmpty()) {
        String hint =
            view.fields().isEmpty()
                ? "add `key:` naming the String field that identifies a row"
                : "add `key: %s` (or another String field that identifies a row)"
                    .formatted(view.fields().get(0).name());
        report.error(
            view.location(),
            "View `%s` is kept from events but has no `key`: nothing says which field identifies a"
                    .formatted(view.name())
                + " row.",
            hint);
      }
    }
  }
}
