package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.View;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.List;

/** Any query but {@code get} and {@code list} reads a secondary index, so it must name one. */
public final class QueryWithoutIndex implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (View view : model.model().views()) {
      for (Query query : view.queries().orElse(List.of())) {
        if (query.kind() == Query.Kind.INDEX && query.index().isEmpty()) {
          report.error(
              query.location(),
              "The query `%s` of view `%s` names no `index`: only `get` and `list` need none."
                  .formatted(query.name(), view.name()),
              "write `%s: {index: <field>}` to query the rows by that field"
                  .formatted(query.name()));
        }
      }
    }
  }
}
