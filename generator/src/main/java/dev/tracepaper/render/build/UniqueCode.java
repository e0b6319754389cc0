package dev.tracepaper.render.build;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.BuiltinType;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.UniqueConstraint;
import dev.tracepaper.naming.Case;
import dev.tracepaper.naming.JavaNames;
import dev.tracepaper.render.data.UniqueData;
import java.util.List;

/** The {@code unique} constraints of an aggregate as its aggregate type claims them. */
final class UniqueCode {

  private UniqueCode() {}

  static UniqueData of(Aggregate aggregate, UniqueConstraint constraint) {
    List<String> values =
        constraint.fields().stream().map(Located::value).map(f -> value(aggregate, f)).toList();
    return new UniqueData(
        "UNIQUE_"
            + String.join("_", constraint.fieldNames().stream().map(Case::screamingSnake).toList()),
        constraint.name(),
        constraint.code().map(Located::value).orElseThrow(),
        constraint.messageOr(aggregate.name()),
        values);
  }

  /** The state's value as compared: an e-mail address without regard to case. */
  private static String value(Aggregate aggregate, String fieldName) {
    String read = "state." + JavaNames.member(fieldName) + "()";
    boolean email =
        aggregate.field(fieldName).map(Field::type).map(t -> t.is(BuiltinType.Email)).orElse(false);
    return email ? "UniqueConstraint.caseless(" + read + ")" : read;
  }
}
