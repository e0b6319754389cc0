package dev.tracepaper.validate.rules;

import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.BuiltinType;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.UniqueConstraint;
import dev.tracepaper.naming.Case;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code unique} constraint of an aggregate must name state fields whose values can be compared
 * (text, e-mail addresses, URLs, whole numbers, dates, times, enums), each once, in a set of fields
 * no other constraint of the aggregate names, and give the {@code code} a command gets when another
 * instance holds the value; that code must not be one the system fails with itself, or a client
 * could not tell a taken value from, say, a concurrent change.
 */
public final class InvalidUniqueConstraint implements Rule {

  /** What a constraint can compare: values with one exact text form. */
  private static final Set<BuiltinType> COMPARABLE =
      Set.of(
          BuiltinType.String,
          BuiltinType.Email,
          BuiltinType.Url,
          BuiltinType.Int,
          BuiltinType.Date,
          BuiltinType.DateTime);

  @Override
  public void check(ModelIndex index, Reporter report) {
    for (Aggregate aggregate : index.model().aggregates()) {
      Map<Set<String>, UniqueConstraint> seen = new HashMap<>();
      for (UniqueConstraint constraint : aggregate.unique()) {
        check(index, aggregate, constraint, report);
        Set<String> fields = Set.copyOf(constraint.fieldNames());
        UniqueConstraint earlier = fields.isEmpty() ? null : seen.putIfAbsent(fields, constraint);
        if (earlier != null) {
          report.error(
              constraint.location(),
              "Aggregate `%s` has two unique constraints on %s."
                  .formatted(aggregate.name(), constraint.phrase()),
              "remove one of them; a constraint on the same fields in another order is the same"
                  + " constraint",
              earlier.location());
        }
      }
    }
  }

  private static void check(
      ModelIndex index, Aggregate aggregate, UniqueConstraint constraint, Reporter report) {
    String what = "A unique constraint of aggregate `%s`".formatted(aggregate.name());
    if (constraint.fields().isEmpty()) {
      report.error(
          constraint.location(),
          what + " names no fields.",
          "name the state fields whose values no two instances share, e.g. `fields: [email]`");
    }
    Set<String> named = new HashSet<>();
    for (Located<String> name : constraint.fields()) {
      Optional<Field> field = aggregate.field(name.value());
      if (!named.add(name.value())) {
        report.error(
            name.location(),
            "%s names `%s` twice.".formatted(what, name.value()),
            "name each field once");
      } else if (field.isEmpty()) {
        String guess =
            Suggestions.didYouMean(
                name.value(), aggregate.fields().stream().map(Field::name).toList());
        report.error(
            name.location(),
            "%s names `%s`, but `%s` has no field `%s`."
                .formatted(what, name.value(), aggregate.name(), name.value()),
            guess.isEmpty()
                ? "name a field of the state of `%s`".formatted(aggregate.name())
                : guess);
      } else if (!comparable(index, aggregate, field.get())) {
        report.error(
            name.location(),
            "%s names `%s`, which is `%s`: its values cannot be compared as one exact text."
                .formatted(what, name.value(), field.get().type()),
            "a unique constraint compares String, Email, Url, Int, Date, DateTime and enum"
                + " fields, not lists, types, Float, Boolean or Json");
      }
    }
    if (constraint.code().isEmpty()) {
      report.error(
          constraint.location(),
          "%s on %s has no `code`.".formatted(what, constraint.phrase()),
          "add the error a command gets when another `%s` holds the value, e.g. `code: %s`"
              .formatted(aggregate.name(), suggestedCode(constraint)));
    }
    constraint
        .code()
        .filter(code -> UnknownErrorCode.SYSTEM_CODES.contains(code.value()))
        .ifPresent(
            code ->
                report.error(
                    code.location(),
                    "%s on %s has the code `%s`, which the system itself fails with."
                        .formatted(what, constraint.phrase(), code.value()),
                    "give it a code of its own, e.g. `%s`, so that clients can tell a taken value"
                            .formatted(suggestedCode(constraint))
                        + " from a %s".formatted(describe(code.value()))));
  }

  private static boolean comparable(ModelIndex index, Aggregate aggregate, Field field) {
    if (field.type().list()) {
      return false;
    }
    Optional<BuiltinType> builtin = field.type().builtin();
    if (builtin.isPresent()) {
      return COMPARABLE.contains(builtin.get());
    }
    return index.kindOf(field.type(), Optional.of(aggregate)) == ModelIndex.TypeKind.ENUM;
  }

  /** {@code EMAIL_TAKEN}, {@code ROOM_SLOT_TAKEN} */
  private static String suggestedCode(UniqueConstraint constraint) {
    List<String> parts =
        constraint.fieldNames().stream().distinct().map(Case::screamingSnake).toList();
    return (parts.isEmpty() ? "VALUE" : String.join("_", parts)) + "_TAKEN";
  }

  private static String describe(String systemCode) {
    return switch (systemCode) {
      case "CONFLICT" -> "concurrent change";
      case "VALIDATION" -> "invalid input";
      case "NOT_FOUND" -> "missing instance";
      case "ALREADY_EXISTS" -> "key that is taken";
      default -> "refused caller";
    };
  }
}
