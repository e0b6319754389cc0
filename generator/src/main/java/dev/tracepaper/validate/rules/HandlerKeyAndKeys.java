package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.View;
import dev.tracepaper.model.ViewHandler;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;

/**
 * A handler names the row it changes by {@code key} or the rows by {@code keys}, not both: with
 * both, it would be unclear whether the one row is among the others or beside them.
 */
public final class HandlerKeyAndKeys implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (View view : model.model().views()) {
      for (ViewHandler handler : view.handlers()) {
        if (handler.key().isPresent() && handler.keys().isPresent()) {
          report.error(
              handler.keys().get().location(),
              "The handler of `%s` in view `%s` names one row by `key` and several by `keys`."
                  .formatted(handler.event(), view.name()),
              "keep `key` when the event changes one row, or `keys` alone when it changes"
                  + " several; to add the one row to the others, put it in the list:"
                  + " `keys: [%s] + …`".formatted(handler.key().get().text().strip()),
              handler.key().get().location());
        }
      }
    }
  }
}
