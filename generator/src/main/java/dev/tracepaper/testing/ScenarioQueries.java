package dev.tracepaper.testing;

import dev.tracepaper.engine.Caller;
import dev.tracepaper.engine.Engine;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.View;
import dev.tracepaper.validate.rules.shape.QueryAccess;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A scenario query's answer from the engine's rows, by the rules of the generated {@code
 * ScenariosTest} (docs/model-reference.md, "How scenarios run"): a {@code get} answers the row or
 * null; a {@code list} and an index query answer {@code {items: [...]}}, an index query the rows
 * whose index field holds the argument (and whose sort field begins with the prefix), in its order,
 * leaving out rows without the sort field. The query's roles and {@code owner:} fields are applied
 * to the caller; {@code when:} is not.
 */
final class ScenarioQueries {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The API refused the caller. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused() {
      super("UNAUTHORIZED", null, false, false);
    }
  }

  private final ModelIndex index;

  ScenarioQueries(ModelIndex index) {
    this.index = index;
  }

  JsonNode answer(Engine engine, View view, Query query, JsonNode args, Caller caller) {
    QueryAccess access = QueryAccess.of(index, view, query);
    boolean everyRow =
        access.roles().isEmpty() && access.owners().isEmpty()
            || access.roles().stream().anyMatch(caller.roles()::contains);
    if (!everyRow && access.owners().isEmpty()) {
      throw new Refused();
    }
    String argument = argument(index, view, query);
    if (!everyRow
        && query.kind() == Query.Kind.INDEX
        && access.owners().contains(argument)
        && !caller.id().equals(text(args.path(argument)))) {
      // Keyed by the owner field: another's rows are refused before anything is read.
      throw new Refused();
    }
    if (query.kind() == Query.Kind.GET) {
      Optional<ObjectNode> row =
          engine
              .get(view, text(args.path(argument)))
              .filter(r -> everyRow || owns(access, r, caller));
      return row.<JsonNode>map(r -> r).orElse(NODES.nullNode());
    }
    String sortField = query.sortField().map(Located::value).orElse(null);
    String prefix =
        query
            .prefix()
            .map(p -> args.path(p.value() + "Prefix"))
            .map(ScenarioQueries::text)
            .orElse("");
    List<ObjectNode> rows = new ArrayList<>();
    for (ObjectNode row : engine.list(view)) {
      if ((everyRow || owns(access, row, caller))
          && (query.kind() != Query.Kind.INDEX
              || selected(row, argument, args.path(argument), sortField, prefix))) {
        rows.add(row);
      }
    }
    if (sortField != null && query.kind() == Query.Kind.INDEX) {
      Comparator<ObjectNode> order =
          Comparator.comparing(r -> r.get(sortField), ScenarioQueries::compare);
      rows.sort(query.ascending() ? order : order.reversed());
    }
    int limit = args.path("limit").asInt(rows.size());
    ObjectNode page = NODES.objectNode();
    ArrayNode items = page.putArray("items");
    rows.stream().limit(limit).forEach(items::add);
    return page;
  }

  private static String argument(ModelIndex index, View view, Query query) {
    return switch (query.kind()) {
      case GET -> index.viewKey(view).orElse("");
      case INDEX -> query.index().map(Located::value).orElse("");
      case LIST -> "";
    };
  }

  private static boolean owns(QueryAccess access, ObjectNode row, Caller caller) {
    return access.owners().stream()
        .anyMatch(f -> row.hasNonNull(f) && caller.id().equals(text(row.get(f))));
  }

  private static boolean selected(
      ObjectNode row, String field, JsonNode wanted, String sortField, String prefix) {
    JsonNode value = row.get(field);
    if (value == null || !value.isValueNode() || !text(value).equals(text(wanted))) {
      return false;
    }
    if (sortField == null) {
      return true;
    }
    JsonNode sort = row.get(sortField);
    return sort != null && !sort.isNull() && text(sort).startsWith(prefix);
  }

  /** Numbers by value, anything else by its text's code points, as DynamoDB orders a sort key. */
  private static int compare(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return text(a).compareTo(text(b));
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() || node.isNull()
        ? ""
        : node.isString() ? node.asString() : node.toString();
  }
}
