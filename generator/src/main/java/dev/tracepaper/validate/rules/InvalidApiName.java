package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.CustomQuery;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.View;
import dev.tracepaper.naming.GraphQlNames;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.List;
import java.util.Optional;

/**
 * An {@code api} name that is no GraphQL path: each of its dot-separated parts becomes a GraphQL
 * field (and the namespaces before the last one a type), so each must be a GraphQL name, and none
 * may start with {@code __}, which GraphQL keeps for itself.
 */
public final class InvalidApiName implements Rule {

  private static final String HINT =
      "write the namespace and the field separated by dots, each part letters, digits and `_`"
          + " and not starting with a digit, such as `api: Project.Pipeline.register`";

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (Aggregate aggregate : model.model().aggregates()) {
      for (Command command : aggregate.commands()) {
        check(command.api(), "command `" + command.name() + "`", report);
      }
    }
    for (View view : model.model().views()) {
      for (Query query : view.queries().orElse(List.of())) {
        check(
            query.api(), "the query `" + query.name() + "` of view `" + view.name() + "`", report);
      }
    }
    for (CustomQuery query : model.model().queries()) {
      check(query.api(), "the query `" + query.name() + "`", report);
    }
  }

  private static void check(Optional<Located<String>> api, String what, Reporter report) {
    if (api.isEmpty()) {
      return;
    }
    String written = api.get().value();
    for (String part : GraphQlNames.apiPath(written)) {
      Optional<String> problem = problem(part);
      if (problem.isPresent()) {
        report.error(
            api.get().location(),
            "The `api` name `%s` of %s is not a GraphQL path: %s."
                .formatted(written, what, problem.get()),
            HINT);
        return;
      }
    }
  }

  /**
   * Whether every part of {@code api} is a GraphQL name: the rules on API paths judge only these.
   */
  static boolean isValid(String api) {
    return GraphQlNames.apiPath(api).stream().allMatch(p -> problem(p).isEmpty());
  }

  private static Optional<String> problem(String part) {
    if (part.isEmpty()) {
      return Optional.of("it has an empty part (two dots in a row, or a dot at an end)");
    }
    if (!GraphQlNames.isName(part)) {
      return Optional.of(
          "`%s` is no GraphQL name, which holds only ASCII letters, digits and `_` and does not"
                  .formatted(part)
              + " start with a digit");
    }
    if (part.startsWith("__")) {
      return Optional.of("`%s` starts with `__`, which GraphQL keeps for itself".formatted(part));
    }
    return Optional.empty();
  }
}
