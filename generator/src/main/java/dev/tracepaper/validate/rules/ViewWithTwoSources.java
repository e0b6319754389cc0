package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.View;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;

/** A view is kept either from an aggregate's state or from events, never both. */
public final class ViewWithTwoSources implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (View view : model.model().views()) {
      if (view.from().isPresent() && !view.handlers().isEmpty()) {
        report.error(
            view.from().get().location(),
            "View `%s` has both `from` and `on`; a view is kept either from an aggregate's state"
                    .formatted(view.name())
                + " or from events.",
            "keep `from` and drop `on`, or split it into two views",
            view.handlers().get(0).location());
      }
    }
  }
}
