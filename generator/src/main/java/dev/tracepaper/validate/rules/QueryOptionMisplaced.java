package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.View;
import dev.tracepaper.naming.Case;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.List;

/**
 * {@code get} reads one row by the view's key and {@code list} pages through all rows: neither
 * takes an {@code index}, and only an index query can be sorted or match a {@code prefix}.
 */
public final class QueryOptionMisplaced implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (View view : model.model().views()) {
      for (Query query : view.queries().orElse(List.of())) {
        boolean builtin = query.name().equals("get") || query.name().equals("list");
        if (builtin && query.index().isPresent()) {
          report.error(
              query.index().get().location(),
              "The query `%s` of view `%s` has an `index`, but `%s` always reads %s."
                  .formatted(
                      query.name(),
                      view.name(),
                      query.name(),
                      query.name().equals("get") ? "one row by the view's key" : "all rows"),
              "give the index query its own name, such as `by%s: {index: %s}`"
                  .formatted(
                      Case.capitalize(query.index().get().value()), query.index().get().value()));
        } else if (builtin && query.sort().isPresent()) {
          report.error(
              query.sort().get().location(),
              "The query `%s` of view `%s` has a `sort`, but only an index query can be sorted."
                  .formatted(query.name(), view.name()),
              "remove `sort`, or add a named query such as `byX: {index: x, sort: y}`");
        } else if (builtin && query.prefix().isPresent()) {
          report.error(
              query.prefix().get().location(),
              "The query `%s` of view `%s` has a `prefix`, but only an index query can match one."
                  .formatted(query.name(), view.name()),
              "remove `prefix`, or add a named query such as `byX: {index: x, prefix: y}`");
        }
      }
    }
  }
}
