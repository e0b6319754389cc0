package dev.tracepaper.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.Caller;
import dev.tracepaper.runtime.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A query's answer as the API gives it, computed from the view's rows by the rules the resolvers
 * follow: a get answers the row or {@code null}; a list and an index query answer {@code {items:
 * [...]}}, an index query the rows whose index field holds the argument (and, with a prefix, whose
 * sort field begins with it), in its sort order, leaving out rows without the sort field as a
 * DynamoDB index does. The caller's roles and {@code owner:} fields are checked as the resolvers
 * check them; {@code when:} conditions are not (the APPSYNC_JS resolvers are not run here).
 */
final class ScenarioQueries {

  /** The API refused the caller; the message is the error code. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String code) {
      super(code, null, false, false);
    }
  }

  private ScenarioQueries() {}

  static JsonNode answer(
      ScenarioApi.Query query, JsonNode args, Caller caller, ScenarioBackEnd backEnd) {
    boolean everyRow =
        query.roles().isEmpty() && query.owners().isEmpty()
            || query.roles().stream().anyMatch(caller.roles()::contains);
    if (!everyRow && query.owners().isEmpty()) {
      throw new Refused("UNAUTHORIZED");
    }
    if (!everyRow
        && query.kind() == ScenarioApi.Kind.INDEX
        && query.owners().contains(query.argument())
        && !caller.id().equals(args.path(query.argument()).asText())) {
      // Keyed by the owner field: another's rows are refused before anything is read.
      throw new Refused("UNAUTHORIZED");
    }
    if (query.kind() == ScenarioApi.Kind.GET) {
      Optional<ObjectNode> row =
          backEnd
              .row(query.view(), args.path(query.argument()).asText())
              .filter(r -> everyRow || owns(query, r, caller));
      return row.<JsonNode>map(r -> r).orElse(NullNode.getInstance());
    }
    List<ObjectNode> rows = new ArrayList<>();
    for (ObjectNode row : backEnd.rows(query.view())) {
      if ((everyRow || owns(query, row, caller)) && selected(query, args, row)) {
        rows.add(row);
      }
    }
    if (query.sortField() != null) {
      Comparator<ObjectNode> order =
          Comparator.comparing(r -> r.get(query.sortField()), ScenarioQueries::compare);
      rows.sort(query.ascending() ? order : order.reversed());
    }
    int limit = args.path("limit").asInt(rows.size());
    ObjectNode page = Json.object();
    ArrayNode items = page.putArray("items");
    rows.stream().limit(limit).forEach(items::add);
    return page;
  }

  private static boolean owns(ScenarioApi.Query query, ObjectNode row, Caller caller) {
    return query.owners().stream().anyMatch(f -> caller.id().equals(row.path(f).asText(null)));
  }

  private static boolean selected(ScenarioApi.Query query, JsonNode args, ObjectNode row) {
    if (query.kind() != ScenarioApi.Kind.INDEX) {
      return true;
    }
    JsonNode value = row.get(query.argument());
    if (value == null
        || !value.isValueNode()
        || !value.asText().equals(args.path(query.argument()).asText())) {
      return false;
    }
    if (query.sortField() == null) {
      return true;
    }
    JsonNode sort = row.get(query.sortField());
    if (sort == null || sort.isNull()) {
      return false;
    }
    String prefix =
        query.prefixArgument() == null ? "" : args.path(query.prefixArgument()).asText("");
    return sort.asText().startsWith(prefix);
  }

  /** Numbers by value, anything else by its text's code points, as DynamoDB orders a sort key. */
  private static int compare(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.asText().compareTo(b.asText());
  }
}
