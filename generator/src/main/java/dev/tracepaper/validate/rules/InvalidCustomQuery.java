package dev.tracepaper.validate.rules;

import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.model.Auth;
import dev.tracepaper.model.CustomQuery;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.Set;
import java.util.TreeSet;

/**
 * A custom query ({@code queries:}) returns a value type or a view, may read only views, admits
 * callers by modes alone (its hand-written code decides by the data), and takes its arguments as
 * the caller sends them.
 */
public final class InvalidCustomQuery implements Rule {

  @Override
  public void check(ModelIndex index, Reporter report) {
    Set<String> views = index.viewNames();
    Set<String> returnable = new TreeSet<>(views);
    index.model().types().forEach(t -> returnable.add(t.name()));
    for (CustomQuery query : index.model().queries()) {
      query
          .returns()
          .filter(r -> !returnable.contains(r.value()))
          .ifPresent(r -> unknownReturn(query, r, returnable, report));
      for (Located<String> read : query.reads()) {
        if (!views.contains(read.value())) {
          String hint = Suggestions.didYouMean(read.value(), views);
          report.error(
              read.location(),
              "The query `%s` reads `%s`, but no view of that name is defined."
                  .formatted(query.name(), read.value()),
              hint.isEmpty() ? "name a view under `views:` in `reads`" : hint);
        }
      }
      query.auth().filter(Auth::dependsOnData).ifPresent(auth -> dataAuth(query, auth, report));
      for (Field arg : query.args()) {
        if (arg.constraints().autoFill().isPresent()
            || arg.constraints().defaultValue().isPresent()) {
          report.error(
              arg.location(),
              "The argument `%s` of the query `%s` has `%s`, which only a command's fields have."
                  .formatted(
                      arg.name(),
                      query.name(),
                      arg.constraints().autoFill().isPresent() ? "autoFill" : "default"),
              "drop it: the query's code gets the caller (`caller.id()`) and may choose a value"
                  + " for an argument left out");
        }
      }
    }
  }

  private static void unknownReturn(
      CustomQuery query, Located<String> returns, Set<String> returnable, Reporter report) {
    String hint = Suggestions.didYouMean(returns.value(), returnable);
    report.error(
        returns.location(),
        "The query `%s` returns `%s`, which is no value type or view of the model."
            .formatted(query.name(), returns.value()),
        hint.isEmpty()
            ? "define `%s` under `types:` with the fields the query answers, or return a view"
                .formatted(returns.value())
            : hint);
  }

  private static void dataAuth(CustomQuery query, Auth auth, Reporter report) {
    report.error(
        auth.location(),
        ("The query `%s` admits callers by `owner:` or `when:`, which a custom query cannot"
                + " check before its code runs.")
            .formatted(query.name()),
        "keep the roles in `auth` and check the rest in the query's hand-written class, which"
            + " gets the caller and the arguments (refuse with CommandError.unauthorized)");
  }
}
