package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.View;
import dev.tracepaper.model.ViewHandler;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;

/**
 * Each handler of an {@code on} view names the row ({@code key}) or rows ({@code keys}) and then
 * changes them: {@code set} fields, {@code delete: true}, or {@code delete} when a condition holds.
 */
public final class IncompleteHandler implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (View view : model.model().views()) {
      for (ViewHandler handler : view.handlers()) {
        String what = "The handler of `%s` in view `%s`".formatted(handler.event(), view.name());
        if (handler.key().isEmpty() && handler.keys().isEmpty()) {
          report.error(
              handler.location(),
              what + " has no `key`, so it cannot tell which row the event is about.",
              ("add `key:` with an expression such as `event.%s`, or `keys:` with a list of keys"
                      + " when the event changes several rows")
                  .formatted(view.key().map(k -> k.value()).orElse("<field>")));
        }
        if (handler.set().isEmpty() && !handler.deletes() && handler.deleteIf().isEmpty()) {
          report.error(
              handler.location(),
              what + " neither sets fields nor deletes the row, so it does nothing.",
              "add `set: {field: <expression>}`, or `delete: true` to remove the row");
        }
      }
    }
  }
}
