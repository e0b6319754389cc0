package dev.tracepaper.expr;

import dev.tracepaper.model.Auth;
import dev.tracepaper.model.Expression;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.View;
import java.util.List;
import java.util.Optional;

/**
 * When a notifying view's subscription is keyed ({@code on<View>Changed(key: String!)}): its {@code
 * get} query's auth depends on the data, but only through the key and the caller ({@code owner:<key
 * field>}, or {@code when} conditions that read no {@code row}). The subscription's resolver then
 * decides a subscriber as the {@code get} query decides a caller, once, with the key subscribed to;
 * AppSync delivers only the changes of that key. Validation and generation ask the same question
 * here, so they cannot disagree.
 */
public final class KeyedSubscriptions {

  private KeyedSubscriptions() {}

  /**
   * The auth the view's {@code get} query decides by: its own, else the view's; empty when the view
   * has no {@code get} query or it has no auth.
   */
  public static Optional<Auth> getAuth(View view) {
    if (view.queries().isEmpty()) {
      return view.auth();
    }
    return view.queries().get().stream()
        .filter(q -> q.kind() == Query.Kind.GET)
        .findFirst()
        .flatMap(q -> q.auth().or(view::auth));
  }

  /** Whether the view has a {@code get} query at all. */
  public static boolean hasGet(View view) {
    return view.queries()
        .map(qs -> qs.stream().anyMatch(q -> q.kind() == Query.Kind.GET))
        .orElse(true);
  }

  /**
   * Whether the view's subscription is keyed: it notifies, its {@code get} query's auth depends on
   * the data, and on nothing of the row but its key.
   */
  public static boolean keyed(ModelIndex index, View view) {
    if (!view.notifies() || !hasGet(view)) {
      return false;
    }
    Optional<Auth> auth = getAuth(view);
    if (auth.isEmpty() || !auth.get().dependsOnData()) {
      return false;
    }
    Optional<String> key = index.viewKey(view);
    for (Located<String> owner : auth.get().owners()) {
      if (key.isEmpty() || !owner.value().equals(key.get())) {
        return false;
      }
    }
    CheckedExpressions expressions = ExpressionChecker.checked(index);
    List<Expression> conditions = auth.get().conditions();
    for (Expression when : conditions) {
      Optional<CheckedExpression> checked = expressions.of(when);
      if (checked.isEmpty() || JsTranslator.roots(checked.get()).contains("row")) {
        return false;
      }
    }
    return true;
  }
}
