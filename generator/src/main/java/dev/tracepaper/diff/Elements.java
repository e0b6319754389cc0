package dev.tracepaper.diff;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Auth;
import dev.tracepaper.model.AuthMode;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.Model;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.View;
import dev.tracepaper.naming.GraphQlNames;
import dev.tracepaper.source.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The elements rules pair up between the two models, and how findings name them. */
public final class Elements {

  private Elements() {}

  /** A command with its aggregate, as clients see it: one mutation. */
  public record OwnedCommand(Aggregate aggregate, Command command) {
    public String qualified() {
      return aggregate.name() + "." + command.name();
    }

    /** The mutation as clients call it: its {@code api} name, or the derived one. */
    public String mutation() {
      return command.api().map(Located::value).orElse(GraphQlNames.mutation(command.name()));
    }
  }

  /** One GraphQL query field of a view, as the generated API serves it. */
  public record ApiQuery(
      View view, String name, String field, Optional<Auth> auth, SourceLocation location) {}

  /** Commands by name: the mutation's name is the command's, whatever its aggregate. */
  public static Map<String, OwnedCommand> commands(Model model) {
    Map<String, OwnedCommand> byName = new LinkedHashMap<>();
    for (Aggregate a : model.aggregates()) {
      for (Command c : a.commands()) {
        byName.putIfAbsent(c.name(), new OwnedCommand(a, c));
      }
    }
    return byName;
  }

  public static Map<String, View> views(Model model) {
    Map<String, View> byName = new LinkedHashMap<>();
    model.views().forEach(v -> byName.putIfAbsent(v.name(), v));
    return byName;
  }

  public static Map<String, Aggregate> aggregates(Model model) {
    Map<String, Aggregate> byName = new LinkedHashMap<>();
    model.aggregates().forEach(a -> byName.putIfAbsent(a.name(), a));
    return byName;
  }

  /** {@code Book.BookLent} */
  public static String qualified(Event event) {
    return event.aggregate() + "." + event.name();
  }

  /**
   * The query fields a view serves: as named, or {@code get} and {@code list} when it names none
   * (as the generated schema has them).
   */
  public static List<ApiQuery> queries(View view) {
    List<ApiQuery> queries = new ArrayList<>();
    if (view.queries().isEmpty()) {
      queries.add(
          new ApiQuery(
              view, "get", GraphQlNames.getQuery(view.name()), view.auth(), view.location()));
      queries.add(
          new ApiQuery(
              view, "list", GraphQlNames.listQuery(view.name()), view.auth(), view.location()));
      return queries;
    }
    for (Query q : view.queries().get()) {
      String derived =
          switch (q.kind()) {
            case GET -> GraphQlNames.getQuery(view.name());
            case LIST -> GraphQlNames.listQuery(view.name());
            case INDEX -> GraphQlNames.indexQuery(view.name(), q.name());
          };
      // Clients call a query by its API name: a new or changed `api` is a removed field.
      String field = q.api().map(Located::value).orElse(derived);
      queries.add(new ApiQuery(view, q.name(), field, q.auth().or(view::auth), q.location()));
    }
    return queries;
  }

  /** Every query field of the model by its GraphQL name. */
  public static Map<String, ApiQuery> queries(Model model) {
    Map<String, ApiQuery> byField = new LinkedHashMap<>();
    for (View view : model.views()) {
      queries(view).forEach(q -> byField.putIfAbsent(q.field(), q));
    }
    return byField;
  }

  /** The modes that admit callers, the app's default where the element names none. */
  public static Set<String> access(Model model, Optional<Auth> auth) {
    Optional<Auth> effective = auth.or(() -> model.app().flatMap(app -> app.auth().defaultAuth()));
    Set<String> modes = new TreeSet<>();
    effective.ifPresentOrElse(
        a -> a.modes().forEach(m -> modes.add(m.toString())),
        () -> modes.add(AuthMode.Kind.AUTHENTICATED.name().toLowerCase()));
    return modes;
  }
}
