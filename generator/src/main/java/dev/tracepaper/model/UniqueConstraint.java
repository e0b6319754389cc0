package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * {@code unique: [{fields: [room, slot], code: SLOT_TAKEN, message: …}]} of an aggregate: no two
 * live instances hold the same values of these state fields (docs/model-reference.md, "Unique
 * values").
 *
 * @param code the error of a command that would take a value another instance holds; absent only in
 *     a model that does not validate
 * @param message the error's message; absent for the default one ({@link #messageOr})
 */
public record UniqueConstraint(
    List<Located<String>> fields,
    Optional<Located<String>> code,
    Optional<String> message,
    SourceLocation location) {

  public UniqueConstraint {
    fields = List.copyOf(fields);
  }

  /** The fields' names in order. */
  public List<String> fieldNames() {
    return fields.stream().map(Located::value).toList();
  }

  /** The constraint's name in the event store: its fields joined with {@code +}. */
  public String name() {
    return String.join("+", fieldNames());
  }

  /** "`email`", "`room` and `slot`", "`a`, `b` and `c`" */
  public String phrase() {
    List<String> quoted = fieldNames().stream().distinct().map(f -> "`" + f + "`").toList();
    if (quoted.size() < 2) {
      return String.join("", quoted);
    }
    return String.join(", ", quoted.subList(0, quoted.size() - 1))
        + " and "
        + quoted.get(quoted.size() - 1);
  }

  /** The message, or the default: "Another Membership has this email". */
  public String messageOr(String aggregate) {
    return message.orElseGet(
        () ->
            "Another %s has %s %s"
                .formatted(
                    aggregate,
                    fields.size() == 1 ? "this" : "these",
                    String.join(" and ", fieldNames())));
  }
}
