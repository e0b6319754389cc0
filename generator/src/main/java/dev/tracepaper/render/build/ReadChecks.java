package dev.tracepaper.render.build;

import dev.tracepaper.expr.CheckedExpressions;
import dev.tracepaper.expr.ExpressionChecker;
import dev.tracepaper.expr.JsTranslator;
import dev.tracepaper.expr.ReadAuthSplit;
import dev.tracepaper.expr.Translation;
import dev.tracepaper.model.Auth;
import dev.tracepaper.model.Expression;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.render.data.ReadCheckData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The caller checks of the read side's resolvers, from an {@code auth} that depends on the data. A
 * check that needs no row (a condition over {@code user} and {@code args}, or an owner field that
 * is the query's argument) is decided before the table is read, so a caller is keyed to its own
 * rows rather than shown a page filtered to nothing; only what needs the row filters rows.
 */
final class ReadChecks {

  private final CheckedExpressions expressions;
  private final JsTranslator translator = new JsTranslator();

  ReadChecks(ModelIndex index) {
    this.expressions = ExpressionChecker.checked(index);
  }

  /**
   * @param auth the read's auth (the query's, else the view's)
   * @param argument the field the read's argument holds (a get's key, an index query's field), or
   *     "" for a read without one
   */
  ReadCheckData of(Optional<Auth> auth, String argument) {
    if (auth.isEmpty() || !auth.get().checksReadsByData()) {
      return ReadCheckData.NONE;
    }
    ReadAuthSplit split = ReadAuthSplit.of(auth.get(), argument, expressions);
    List<String> everyRow = new ArrayList<>();
    List<String> perRow = new ArrayList<>();
    split.ownersBefore().forEach(owner -> everyRow.add("args." + owner + " === user.id"));
    split.ownersPerRow().forEach(owner -> perRow.add("row." + owner + " === user.id"));
    split.conditionsBefore().forEach(when -> everyRow.add(js(when)));
    boolean perRowReadsArgs = false;
    boolean indexesLists = false;
    for (Expression when : split.conditionsPerRow()) {
      perRow.add(js(when));
      perRowReadsArgs |= JsTranslator.roots(expressions.of(when).orElseThrow()).contains("args");
    }
    for (Expression when : auth.get().conditions()) {
      indexesLists |= JsTranslator.indexesLists(expressions.of(when).orElseThrow());
    }
    return new ReadCheckData(
        true, auth.get().roles(), alone(everyRow), alone(perRow), perRowReadsArgs, indexesLists);
  }

  private String js(Expression when) {
    return ((Translation.Java) translator.translate(expressions.of(when).orElseThrow())).code();
  }

  /** One condition stands alone after {@code return}: parentheses around all of it say nothing. */
  private static List<String> alone(List<String> conditions) {
    return conditions.size() == 1 ? List.of(JsTranslator.unwrapped(conditions.get(0))) : conditions;
  }
}
