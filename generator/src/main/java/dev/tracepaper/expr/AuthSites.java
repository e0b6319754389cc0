package dev.tracepaper.expr;

import dev.cel.common.types.CelType;
import dev.tracepaper.model.Auth;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Expression;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.View;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code when} conditions of the {@code auth} of commands, views and queries, with the names
 * each sees: a command's its input and the caller (decided before the state is loaded); a view's
 * the caller and the row; a query's also its arguments.
 */
final class AuthSites {

  private static final String COMMAND_WHY =
      "the `auth` of a command is decided before the state is loaded, from the input (`command`)"
          + " and the caller (`user`); a rule decides on the state";
  private static final String VIEW_WHY =
      "the `auth` of a view decides who reads a row, from the caller (`user`) and the row (`row`);"
          + " a query's own `auth` also sees its arguments (`args`)";
  private static final String QUERY_WHY =
      "the `auth` of a query decides who reads a row, from the caller (`user`), the query's"
          + " arguments (`args`) and the row (`row`)";

  private final ModelTypes types;
  private final ModelWalker.Checker checker;

  AuthSites(ModelTypes types, ModelWalker.Checker checker) {
    this.types = types;
    this.checker = checker;
  }

  void command(Command command) {
    String element = "command `" + command.name() + "`";
    Map<String, CelType> names = new LinkedHashMap<>();
    names.put("command", types.input(command));
    names.put("user", types.user());
    command
        .auth()
        .ifPresent(
            auth ->
                conditions(
                    auth,
                    Place.COMMAND_AUTH,
                    element,
                    "the `auth` of " + element,
                    new Scope(names, List.of(), COMMAND_WHY)));
  }

  void view(View view) {
    String element = "view `" + view.name() + "`";
    Map<String, CelType> names = new LinkedHashMap<>();
    names.put("user", types.user());
    names.put("row", types.row(view));
    view.auth()
        .ifPresent(
            auth ->
                conditions(
                    auth,
                    Place.AUTH_CONDITION,
                    element,
                    "the `auth` of " + element,
                    new Scope(names, List.of(), VIEW_WHY)));
    for (Query query : view.queries().orElse(List.of())) {
      Map<String, CelType> withArgs = new LinkedHashMap<>();
      withArgs.put("user", types.user());
      withArgs.put("args", types.arguments(view, query));
      withArgs.put("row", types.row(view));
      String of = "the `auth` of query `" + query.name() + "` of " + element;
      query
          .auth()
          .ifPresent(
              auth ->
                  conditions(
                      auth,
                      Place.AUTH_CONDITION,
                      element,
                      of,
                      new Scope(withArgs, List.of(), QUERY_WHY)));
    }
  }

  private void conditions(Auth auth, Place place, String element, String of, Scope scope) {
    int number = 1;
    for (Expression when : auth.conditions()) {
      String description =
          auth.conditions().size() == 1
              ? "the `when` of " + of
              : "the `when` of condition " + number + " in " + of;
      number++;
      checker.check(when, new Site(place, element, description, Optional.empty()), scope);
    }
  }
}
