package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * A request to change an aggregate, accepted through the API. {@code notification} is its {@code
 * notify:} setting, where written: {@code true} gives the API a subscription to its results.
 */
public record Command(
    String name,
    String aggregate,
    Creation creation,
    Optional<Auth> auth,
    List<Field> fields,
    FlowBody body,
    Optional<Located<Boolean>> notification,
    SourceLocation location)
    implements Flow {

  public Command {
    fields = List.copyOf(fields);
  }

  /** Whether the API offers a subscription to the command's results ({@code notify: true}). */
  public boolean notifies() {
    return notification.map(Located::value).orElse(false);
  }

  public Optional<Field> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }
}
