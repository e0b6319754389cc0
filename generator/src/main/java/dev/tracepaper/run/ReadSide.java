package dev.tracepaper.run;

import dev.tracepaper.engine.Engine;
import dev.tracepaper.model.View;
import dev.tracepaper.render.data.QueryData;
import dev.tracepaper.render.data.RelationData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The views' queries and relations over the engine's rows, as the generated resolvers answer them:
 * a get by key, a page of rows, the rows of an index (equal value, sorted, a prefix of the sort
 * field), and the rows a relation names. Pages hold at most {@code limit} rows (20 when not given,
 * at most 100, as the resolvers allow); {@code nextToken} is the offset of the next page.
 */
final class ReadSide {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private final Engine engine;

  ReadSide(Engine engine) {
    this.engine = engine;
  }

  /** A page: the rows, and the token of the next page (null on the last). */
  record Page(List<Map<String, Object>> items, String nextToken) {
    /**
     * The page with only the rows {@code keep} admits, and the same next token: a resolver leaves
     * out the rows the caller may not read from the page the table answered.
     */
    Page only(Predicate<Map<String, Object>> keep) {
      return new Page(items.stream().filter(keep).toList(), nextToken);
    }

    Map<String, Object> graphql() {
      Map<String, Object> page = new LinkedHashMap<>();
      page.put("items", items);
      page.put("nextToken", nextToken);
      return page;
    }
  }

  Optional<Map<String, Object>> get(View view, String key) {
    return engine.get(view, key).map(ReadSide::map);
  }

  Page list(View view, Integer limit, String nextToken) {
    return page(engine.list(view), limit, nextToken);
  }

  /** An index query: the rows whose {@code query.argument} is {@code value}. */
  Page index(View view, QueryData query, Object value, String prefix, Integer limit, String token) {
    List<ObjectNode> rows =
        sorted(
            matching(engine.list(view), query.argument(), value, query.sortField(), prefix),
            query.sortField(),
            query.ascending());
    return page(rows, limit, token);
  }

  /** A {@code ref} relation: the target row whose key this row's field holds. */
  Optional<Map<String, Object>> ref(View target, RelationData relation, Map<String, Object> row) {
    Object key = row.get(relation.sourceField());
    return key == null ? Optional.empty() : get(target, String.valueOf(key));
  }

  /** A {@code refs} relation: the target rows whose keys this row's list holds, in its order. */
  Page refs(
      View target, RelationData relation, Map<String, Object> row, Integer limit, String token) {
    List<ObjectNode> rows = new ArrayList<>();
    if (row.get(relation.sourceField()) instanceof List<?> keys) {
      for (Object key : keys) {
        if (key != null) {
          engine.get(target, String.valueOf(key)).ifPresent(rows::add);
        }
      }
    }
    return page(rows, limit, token);
  }

  /** A {@code by} relation: the target rows whose field holds this row's key. */
  Page by(
      View target,
      RelationData relation,
      Map<String, Object> row,
      String prefix,
      Integer limit,
      String token) {
    Object key = row.get(relation.sourceField());
    List<ObjectNode> rows =
        key == null
            ? List.of()
            : sorted(
                matching(
                    engine.list(target),
                    relation.targetField(),
                    key,
                    relation.targetSortField(),
                    prefix),
                relation.targetSortField(),
                relation.targetAscending());
    return page(rows, limit, token);
  }

  private static List<ObjectNode> matching(
      List<ObjectNode> rows, String field, Object value, String sortField, String prefix) {
    String wanted = String.valueOf(value);
    return rows.stream()
        .filter(r -> r.hasNonNull(field) && text(r.get(field)).equals(wanted))
        .filter(
            r ->
                prefix == null
                    || sortField.isEmpty()
                    || (r.hasNonNull(sortField) && text(r.get(sortField)).startsWith(prefix)))
        .toList();
  }

  private static List<ObjectNode> sorted(List<ObjectNode> rows, String field, boolean ascending) {
    if (field.isEmpty()) {
      return rows;
    }
    // DynamoDB sorts numbers by value and text by its bytes, as Java compares them.
    Comparator<ObjectNode> order =
        Comparator.comparing(
            (ObjectNode r) -> r.get(field),
            (a, b) ->
                a.isNumber() && b.isNumber()
                    ? a.decimalValue().compareTo(b.decimalValue())
                    : text(a).compareTo(text(b)));
    return rows.stream()
        .filter(r -> r.hasNonNull(field))
        .sorted(ascending ? order : order.reversed())
        .toList();
  }

  private static String text(JsonNode node) {
    return node.isString() ? node.asString() : node.toString();
  }

  private static Page page(List<ObjectNode> rows, Integer limit, String token) {
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw new ApiError("VALIDATION", "limit must be between 1 and " + MAX_LIMIT);
    }
    int from = token == null ? 0 : offset(token);
    int to = Math.min(rows.size(), from + size);
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = Math.min(from, rows.size()); i < to; i++) {
      items.add(map(rows.get(i)));
    }
    String next =
        to < rows.size()
            ? Base64.getUrlEncoder()
                .encodeToString(("offset:" + to).getBytes(StandardCharsets.UTF_8))
            : null;
    return new Page(items, next);
  }

  private static int offset(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith("offset:")) {
        return Integer.parseInt(text.substring("offset:".length()));
      }
    } catch (IllegalArgumentException e) {
      // fall through: not a token this server gave
    }
    throw new ApiError("VALIDATION", "nextToken is not one this API gave");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(ObjectNode row) {
    return EventLog.JSON.convertValue(row, LinkedHashMap.class);
  }
}
