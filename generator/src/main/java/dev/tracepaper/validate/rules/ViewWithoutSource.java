package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.View;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;

/** A view is fed by an aggregate's state ({@code from}) or by events ({@code on}): one of them. */
public final class ViewWithoutSource implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (View view : model.model().views()) {
      if (view.from().isEmpty() && view.handlers().isEmpty()) {
        report.error(
            view.location(),
            "View `%s` is fed by nothing: it has neither `from` nor `on`, so it stays empty."
                .formatted(view.name()),
            "add `from: <Aggregate>` to mirror an aggregate's state, or `on:` with one handler"
                + " per event");
      }
    }
  }
}
