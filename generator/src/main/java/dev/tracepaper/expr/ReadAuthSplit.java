package dev.tracepaper.expr;

import dev.tracepaper.model.Auth;
import dev.tracepaper.model.Expression;
import dev.tracepaper.model.Located;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries of a read's auth that depends on the data, split by when they can be decided: before
 * anything is read (an owner field that is the read's argument, a condition over {@code user} and
 * {@code args}) or for each row (another owner field, a condition that reads {@code row}). The
 * generated resolvers ({@code render.build.ReadChecks}) and {@code tracepaper run} ({@code
 * engine.ReadAccess}) both decide by this split, so that they cannot differ in it.
 *
 * @param ownersBefore owner fields that are the read's argument: compared with it
 * @param ownersPerRow owner fields compared with each row's value
 * @param conditionsBefore conditions that read no row
 * @param conditionsPerRow conditions that read {@code row}
 */
public record ReadAuthSplit(
    List<String> ownersBefore,
    List<String> ownersPerRow,
    List<Expression> conditionsBefore,
    List<Expression> conditionsPerRow) {

  public ReadAuthSplit {
    ownersBefore = List.copyOf(ownersBefore);
    ownersPerRow = List.copyOf(ownersPerRow);
    conditionsBefore = List.copyOf(conditionsBefore);
    conditionsPerRow = List.copyOf(conditionsPerRow);
  }

  /**
   * @param argument the field the read's argument holds (a get's key, an index query's field), or
   *     "" for a read without one
   * @param checked the model's checked expressions, which the auth's conditions are among
   */
  public static ReadAuthSplit of(Auth auth, String argument, CheckedExpressions checked) {
    List<String> ownersBefore = new ArrayList<>();
    List<String> ownersPerRow = new ArrayList<>();
    for (Located<String> owner : auth.owners()) {
      (owner.value().equals(argument) ? ownersBefore : ownersPerRow).add(owner.value());
    }
    List<Expression> conditionsBefore = new ArrayList<>();
    List<Expression> conditionsPerRow = new ArrayList<>();
    for (Expression when : auth.conditions()) {
      boolean readsRow = JsTranslator.roots(checked.of(when).orElseThrow()).contains("row");
      (readsRow ? conditionsPerRow : conditionsBefore).add(when);
    }
    return new ReadAuthSplit(ownersBefore, ownersPerRow, conditionsBefore, conditionsPerRow);
  }
}
