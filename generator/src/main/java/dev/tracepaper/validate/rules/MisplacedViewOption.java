package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.View;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;

/**
 * {@code set} and {@code where} refine a view kept {@code from} an aggregate; a view kept {@code
 * on} events sets its fields in each handler instead.
 */
public final class MisplacedViewOption implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (View view : model.model().views()) {
      if (view.from().isPresent() || view.handlers().isEmpty()) {
        continue;
      }
      if (!view.set().isEmpty()) {
        report.error(
            view.set().get(0).location(),
            "View `%s` has `set`, but `set` belongs to a view kept `from` an aggregate; this view"
                    .formatted(view.name())
                + " is kept `on` events.",
            "move the assignments into the `set` of the handlers under `on`");
      }
      view.where()
          .ifPresent(
              w ->
                  report.error(
                      w.location(),
                      "View `%s` has `where`, but `where` filters a view kept `from` an aggregate;"
                              .formatted(view.name())
                          + " this view is kept `on` events.",
                      "leave rows out in the handlers instead, or keep the view `from` the"
                          + " aggregate"));
    }
  }
}
