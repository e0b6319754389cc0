package dev.tracepaper.engine;

import dev.tracepaper.expr.ModelTypes;
import dev.tracepaper.expr.ReadAuthSplit;
import dev.tracepaper.model.Auth;
import dev.tracepaper.model.Expression;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.View;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Which rows of a view a caller reads, by an {@code auth} that depends on the data ({@code
 * owner:<field>}, {@code {when: CEL}}), decided as the generated resolvers decide it
 * (templates/lib/resolvers.ftl, docs/model-reference.md "Auth that depends on the data"): an IAM or
 * API key caller, a user in one of the auth's roles, and a user admitted by what the auth says of
 * the caller and the arguments alone read every row; otherwise a user reads the rows the row's
 * conditions admit, or is refused when there are none. The directives (which modes and groups may
 * call the field at all) are checked before, as AppSync checks them.
 */
public final class ReadAccess {

  /** What a caller reads: every row, some rows, or nothing (refused before anything is read). */
  public enum Scope {
    EVERY_ROW,
    SOME_ROWS,
    REFUSED
  }

  private final Evaluator evaluator;
  private final FlowRunner flows;

  ReadAccess(Evaluator evaluator, FlowRunner flows) {
    this.evaluator = evaluator;
    this.flows = flows;
  }

  /**
   * A caller's reading of {@code view} through {@code query} (empty for a relation into the view,
   * which checks the view's own auth).
   *
   * @param argument the view field the read's argument holds (a get's key, an index query's field),
   *     or "" for a read without one
   * @param args the read's arguments by name
   */
  public Reader reader(
      View view,
      Optional<Query> query,
      String argument,
      Caller caller,
      AuthType type,
      JsonNode args) {
    Optional<Auth> auth = query.flatMap(Query::auth).or(view::auth);
    if (auth.isEmpty()
        || !auth.get().checksReadsByData()
        || type != AuthType.AMAZON_COGNITO_USER_POOLS) {
      return everyRow();
    }
    if (!Collections.disjoint(auth.get().roles(), caller.roles())) {
      return everyRow();
    }
    Map<String, Object> names = new LinkedHashMap<>();
    names.put("user", flows.user(caller));
    query.ifPresent(
        q -> names.put("args", evaluator.values().record(types().arguments(view, q), args)));
    ReadAuthSplit split = ReadAuthSplit.of(auth.get(), argument, evaluator.checked());
    boolean everyRow =
        split.ownersBefore().stream().anyMatch(o -> text(args.get(o)).equals(caller.id()))
            || split.conditionsBefore().stream().anyMatch(when -> holds(when, names));
    if (everyRow) {
      return everyRow();
    }
    List<Expression> perRow = split.conditionsPerRow();
    List<String> owners = split.ownersPerRow();
    Scope scope = perRow.isEmpty() && owners.isEmpty() ? Scope.REFUSED : Scope.SOME_ROWS;
    return new Reader(scope, perRow, names, view, owners, caller.id());
  }

  private Reader everyRow() {
    return new Reader(Scope.EVERY_ROW, List.of(), Map.of(), null, List.of(), null);
  }

  /**
   * Whether {@code when} holds; one that cannot be decided (an element out of range) does not, as
   * the resolver's {@code at()} refuses rather than read undefined.
   */
  private boolean holds(Expression when, Map<String, Object> names) {
    try {
      return evaluator.test(when, names);
    } catch (EvaluationFailed undecided) {
      return false;
    }
  }

  private ModelTypes types() {
    return evaluator.values().types();
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? "" : node.isString() ? node.asString() : node.toString();
  }

  /** The decision for one caller and request, and the test of each row when it reads some. */
  public final class Reader {
    private final Scope scope;
    private final List<Expression> perRow;
    private final Map<String, Object> names;
    private final View view;
    private final List<String> owners;
    private final String callerId;

    private Reader(
        Scope scope,
        List<Expression> perRow,
        Map<String, Object> names,
        View view,
        List<String> owners,
        String callerId) {
      this.scope = scope;
      this.perRow = perRow;
      this.names = names;
      this.view = view;
      this.owners = owners;
      this.callerId = callerId;
    }

    public Scope scope() {
      return scope;
    }

    /** Whether the caller reads {@code row}. */
    public boolean admits(JsonNode row) {
      if (scope != Scope.SOME_ROWS) {
        return scope == Scope.EVERY_ROW;
      }
      if (owners.stream().anyMatch(f -> callerId != null && callerId.equals(text(row.get(f))))) {
        return true;
      }
      Map<String, Object> withRow = new LinkedHashMap<>(names);
      withRow.put("row", evaluator.values().record(types().row(view), row));
      return perRow.stream().anyMatch(when -> holds(when, withRow));
    }
  }
}
