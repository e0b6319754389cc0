package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.Optional;

/**
 * A way to read a view: {@code get} by key, {@code list} paged, or a named index query, which may
 * order its rows ({@code sort}, {@code order}) and match the rows whose field begins with a given
 * text ({@code prefix}). {@code api} is the name the API calls it by ({@code Build.get}: a field
 * {@code get} of namespace {@code Build}); without it, the query's name is derived.
 */
public record Query(
    String name,
    Kind kind,
    Optional<Located<String>> index,
    Optional<Located<String>> sort,
    Optional<Located<Order>> order,
    Optional<Located<String>> prefix,
    Optional<Auth> auth,
    Optional<Located<String>> api,
    SourceLocation location) {

  /** The three kinds of query. */
  public enum Kind {
    GET,
    LIST,
    INDEX
  }

  /** The order of an index query's rows by its sort field. */
  public enum Order {
    ASC,
    DESC
  }

  /**
   * The field the index sorts its rows by (its range key): {@code sort}, else {@code prefix}
   * (validation lets the two name one field only).
   */
  public Optional<Located<String>> sortField() {
    return sort.or(() -> prefix);
  }

  /**
   * Whether the rows come in ascending order: as {@code order} says; without it a prefix query
   * reads in its field's order (paths, codes: ascending) and a sorted one newest first, which is
   * what {@code sort: field} has always meant.
   */
  public boolean ascending() {
    return order.map(o -> o.value() == Order.ASC).orElse(sort.isEmpty() && prefix.isPresent());
  }
}
