package dev.tracepaper.validate.rules;

import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.tracepaper.expr.CheckedExpression;
import dev.tracepaper.expr.ExpressionChecker;
import dev.tracepaper.expr.Place;
import dev.tracepaper.expr.Site;
import dev.tracepaper.expr.Target;
import dev.tracepaper.expr.TypeFit;
import dev.tracepaper.expr.TypeNames;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.Optional;

/**
 * An expression whose value does not fit where it stands: a condition that is not Boolean, a key
 * that is not a String, {@code keys} that are not a list of Strings, a field value of another type
 * than the field's.
 */
public final class WrongExpressionType implements Rule {

  /** What the place wants, and how to say so. */
  private record Expected(CelType type, String what) {}

  @Override
  public void check(ModelIndex model, Reporter report) {
    ExpressionChecker.checked(model)
        .valid()
        .forEach(c -> expected(c.site()).ifPresent(e -> check(c, e, report)));
  }

  private static void check(CheckedExpression checked, Expected expected, Reporter report) {
    CelType actual = checked.resultType();
    if (TypeFit.fits(expected.type(), actual)) {
      return;
    }
    String message =
        "%s gives %s, but %s."
            .formatted(checked.site().subject(), TypeNames.describe(actual), expected.what());
    String text = checked.expression().text();
    String hint = hint(expected.type().kind(), actual.kind(), text.length() <= 40 ? text : "…");
    if (hint.isEmpty() && builtFieldByField(checked.site(), expected.type(), actual)) {
      hint =
          "leave the line out: an upcast builds a value type from the older value of the same"
              + " name, field by field; give the fields it lacks by their path, e.g. `%s.<field>: …`"
                  .formatted(checked.site().target().map(Target::field).orElse("…"));
    }
    report.error(checked.expression().location(), message, hint);
  }

  /** An upcast line giving a whole value type (or a list of one) from an older value type. */
  private static boolean builtFieldByField(Site site, CelType expected, CelType actual) {
    return site.place() == Place.UPCAST_FIELD
        && element(expected).kind() == CelKind.STRUCT
        && element(actual).kind() == CelKind.STRUCT;
  }

  private static CelType element(CelType type) {
    return type instanceof ListType list ? list.elemType() : type;
  }

  private static Optional<Expected> expected(Site site) {
    return switch (site.place()) {
      case REQUIRE,
          VIEW_WHERE,
          EMIT_CONDITION,
          HANDLER_DELETE,
          AUTH_CONDITION,
          COMMAND_AUTH,
          AUTOMATION_CONDITION ->
          Optional.of(new Expected(SimpleType.BOOL, "a condition must give Boolean"));
      case FLOW_KEY, HANDLER_KEY ->
          Optional.of(new Expected(SimpleType.STRING, "a key must be a String"));
      case HANDLER_KEYS ->
          Optional.of(
              new Expected(ListType.create(SimpleType.STRING), "`keys` must be a list of Strings"));
      case UPSERT_KEY, REMOVE_KEY ->
          site.target().map(t -> expectedOf(t, "the key `%s` of %s is %s"));
      case AUTOMATION_ITEMS ->
          Optional.of(
              new Expected(ListType.create(SimpleType.DYN), "`forEach` goes through a list"));
      case LET, AUTOMATION_LET, TEMPLATE_VALUE -> Optional.empty();
      default -> site.target().map(t -> expectedOf(t, "the field `%s` of %s is %s"));
    };
  }

  private static Expected expectedOf(Target target, String what) {
    String typeName = target.type().toString();
    return new Expected(target.celType(), what.formatted(target.field(), target.owner(), typeName));
  }

  private static String hint(CelKind expected, CelKind actual, String text) {
    if (expected == CelKind.BOOL) {
      return switch (actual) {
        case INT, DOUBLE -> "compare the number, e.g. `%s > 0`".formatted(text);
        case STRING -> "compare the text, e.g. `%s != ''`".formatted(text);
        case LIST -> "test the list, e.g. `size(%s) > 0`".formatted(text);
        case DURATION -> "compare the duration, e.g. `%s < duration('1h')`".formatted(text);
        default -> "compare the value to get true or false";
      };
    }
    if (expected == CelKind.LIST && actual == CelKind.STRING) {
      return "one row is named by `key: %s`; `keys` takes a list, e.g. `[%s]`"
          .formatted(text, text);
    }
    if (actual == CelKind.DURATION) {
      String operand = text.matches("[A-Za-z_][A-Za-z0-9_.]*") ? text : "(" + text + ")";
      return "a field holds no duration: give its number, e.g. `%s.getMinutes()`"
          .formatted(operand);
    }
    if (actual == CelKind.NULL_TYPE) {
      return "the model has no null values: give a value, or leave the field out";
    }
    if (expected == CelKind.STRING && actual != CelKind.LIST && actual != CelKind.STRUCT) {
      return "convert with `string(…)`";
    }
    if (expected == CelKind.INT && (actual == CelKind.DOUBLE || actual == CelKind.STRING)) {
      return "convert with `int(…)`";
    }
    if (expected == CelKind.DOUBLE && actual == CelKind.STRING) {
      return "convert with `double(…)`";
    }
    return "";
  }
}
