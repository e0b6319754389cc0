package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * A read model: rows kept {@code from} an aggregate's state or built {@code on} events, with the
 * queries that read them. {@code queries} is empty when the view names none (it then gets {@code
 * get} and {@code list}). {@code tests} are its given/then cases. {@code notification} is its
 * {@code notify:} setting, where written: {@code true} gives the API a subscription to its row
 * changes.
 */
public record View(
    String name,
    Optional<Located<String>> key,
    Optional<Auth> auth,
    List<Field> fields,
    Optional<Located<String>> from,
    List<Assignment.SetValue> set,
    Optional<Expression> where,
    List<ViewHandler> handlers,
    Optional<List<Query>> queries,
    Optional<Located<Long>> retentionDays,
    Optional<String> description,
    boolean custom,
    List<ViewTest> tests,
    Optional<Located<Boolean>> notification,
    SourceLocation location) {

  public View {
    fields = List.copyOf(fields);
    set = List.copyOf(set);
    handlers = List.copyOf(handlers);
    queries = queries.map(List::copyOf);
    tests = List.copyOf(tests);
  }

  /** Whether the API offers a subscription to the view's row changes ({@code notify: true}). */
  public boolean notifies() {
    return notification.map(Located::value).orElse(false);
  }

  public Optional<Field> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }
}
