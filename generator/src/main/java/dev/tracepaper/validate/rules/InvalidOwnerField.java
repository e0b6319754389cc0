package dev.tracepaper.validate.rules;

import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.model.Auth;
import dev.tracepaper.model.BuiltinType;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.View;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.List;
import java.util.Optional;

/**
 * {@code owner:<field>} in the {@code auth} of a view or query names what is not a stored text
 * field of the view's row: the owner check compares the field with the caller's id ({@code
 * user.id}, a text).
 */
public final class InvalidOwnerField implements Rule {

  @Override
  public void check(ModelIndex index, Reporter report) {
    for (View view : index.model().views()) {
      check(view, view.auth(), "view `" + view.name() + "`", report);
      for (Query query : view.queries().orElse(List.of())) {
        String what = "the query `%s` of view `%s`".formatted(query.name(), view.name());
        check(view, query.auth(), what, report);
      }
    }
  }

  private static void check(View view, Optional<Auth> auth, String what, Reporter report) {
    for (Located<String> owner : auth.map(Auth::owners).orElse(List.of())) {
      Optional<Field> field = view.field(owner.value());
      List<String> candidates =
          view.fields().stream().filter(InvalidOwnerField::holdsId).map(Field::name).toList();
      if (field.isEmpty()) {
        String hint = Suggestions.didYouMean(owner.value(), candidates);
        report.error(
            owner.location(),
            "The `auth` of %s names `owner:%s`, but view `%s` has no field `%s`."
                .formatted(what, owner.value(), view.name(), owner.value()),
            hint.isEmpty() ? ownerHint(view, candidates) : hint);
      } else if (!holdsId(field.get())) {
        report.error(
            owner.location(),
            "The `auth` of %s names `owner:%s`, but `%s` is %s, not a String holding a user's id."
                .formatted(what, owner.value(), owner.value(), describe(field.get())),
            ownerHint(view, candidates));
      }
    }
  }

  /** A stored text field: what a caller's id (the Cognito sub) can be compared with. */
  private static boolean holdsId(Field field) {
    return !field.type().list()
        && field.type().builtin().map(t -> t == BuiltinType.String).orElse(false)
        && field.constraints().ref().isEmpty()
        && field.constraints().by().isEmpty();
  }

  private static String describe(Field field) {
    boolean relation =
        field.constraints().ref().isPresent() || field.constraints().by().isPresent();
    return relation ? "a relation to view `" + field.type().name() + "`" : "`" + field.type() + "`";
  }

  private static String ownerHint(View view, List<String> candidates) {
    return candidates.isEmpty()
        ? "add a String field holding the owner's id to view `%s` (filled from `user.id` when the"
                .formatted(view.name())
            + " owner's command ran, e.g. `autoFill: userId`), and name it in `owner:`"
        : "name a String field holding the owner's id: " + Words.quotedList(candidates, "or");
  }
}
