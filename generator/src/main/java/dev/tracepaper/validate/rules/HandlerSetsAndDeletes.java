package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.View;
import dev.tracepaper.model.ViewHandler;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;

/**
 * A handler that always deletes the row ({@code delete: true}) cannot also set its fields: the row
 * is gone. A {@code delete} condition may go with {@code set}, which applies when it is false.
 */
public final class HandlerSetsAndDeletes implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (View view : model.model().views()) {
      for (ViewHandler handler : view.handlers()) {
        if (handler.deletes() && !handler.set().isEmpty()) {
          report.error(
              handler.delete().get().location(),
              "The handler of `%s` in view `%s` both sets fields and always deletes the row."
                  .formatted(handler.event(), view.name()),
              "keep `delete: true` to remove the row, or `set` to update it; to remove it only"
                  + " sometimes, make `delete` a condition over `event` and `view`, which removes"
                  + " the row when it holds and lets `set` update it otherwise",
              handler.set().get(0).location());
        }
      }
    }
  }
}
