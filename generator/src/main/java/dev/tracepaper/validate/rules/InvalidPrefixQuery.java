package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.View;
import dev.tracepaper.naming.GraphQlNames;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.List;

/**
 * A prefix query reads the rows of one {@code index} value whose index sort key begins with a text:
 * the {@code prefix} field is that sort key, so it cannot be the {@code index} field itself, and a
 * {@code sort} can only name it (an index has one sort key).
 */
public final class InvalidPrefixQuery implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (View view : model.model().views()) {
      for (Query query : view.queries().orElse(List.of())) {
        if (query.kind() != Query.Kind.INDEX || query.prefix().isEmpty()) {
          continue;
        }
        Located<String> prefix = query.prefix().get();
        if (query.index().filter(i -> i.value().equals(prefix.value())).isPresent()) {
          report.error(
              prefix.location(),
              ("The query `%s` of view `%s` has `index: %s` and `prefix: %s`: the prefix is"
                      + " matched within the rows of one `%s`, on another field.")
                  .formatted(
                      query.name(), view.name(), prefix.value(), prefix.value(), prefix.value()),
              "name the field that groups the rows in `index` and the field to match in `prefix`,"
                  + " such as `{index: workspaceId, prefix: path}`");
        } else if (query
            .index()
            .filter(
                i ->
                    GraphQlNames.field(i.value())
                        .equals(GraphQlNames.prefixArgument(prefix.value())))
            .isPresent()) {
          report.error(
              prefix.location(),
              ("The query `%s` of view `%s` has `index: %s` and `prefix: %s`, whose argument would"
                      + " be named `%s` too.")
                  .formatted(
                      query.name(),
                      view.name(),
                      query.index().get().value(),
                      prefix.value(),
                      GraphQlNames.prefixArgument(prefix.value())),
              "rename one of the two fields");
        } else if (query.sort().filter(s -> !s.value().equals(prefix.value())).isPresent()) {
          Located<String> sort = query.sort().get();
          report.error(
              sort.location(),
              ("The query `%s` of view `%s` has `prefix: %s` and `sort: %s`, but an index sorts"
                      + " its rows by one field, the one the prefix is matched on.")
                  .formatted(query.name(), view.name(), prefix.value(), sort.value()),
              "sort by `%s` (`sort: %s desc` for the reverse order), or give `%s` a query of its own"
                  .formatted(prefix.value(), prefix.value(), sort.value()));
        }
      }
    }
  }
}
