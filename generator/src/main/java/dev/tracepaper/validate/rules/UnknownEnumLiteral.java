package dev.tracepaper.validate.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.expr.AstNodes;
import dev.tracepaper.expr.CheckedExpression;
import dev.tracepaper.expr.CheckedExpressions;
import dev.tracepaper.expr.ExpressionChecker;
import dev.tracepaper.expr.ModelStruct;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.EnumDef;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A string literal that stands for an enum value but is none of the enum's values: given to an enum
 * field ({@code status: "'AVAILABL'"}) or compared with one ({@code state.status == 'AVAILABL'},
 * {@code state.status in ['AVAILABL']}).
 */
public final class UnknownEnumLiteral implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    CheckedExpressions checked = ExpressionChecker.checked(model);
    checked.valid().forEach(c -> check(model, checked, c, report));
  }

  private static void check(
      ModelIndex model, CheckedExpressions all, CheckedExpression checked, Reporter report) {
    CelAbstractSyntaxTree ast = checked.ast().orElseThrow();
    checked
        .site()
        .target()
        .ifPresent(
            t ->
                enumOf(model, t.type(), t.aggregate())
                    .ifPresent(
                        e -> {
                          String says = checked.site().subject() + " is '%s'";
                          for (CelExpr literal : results(ast.getExpr())) {
                            literal(all, checked, ast, literal, e, says, report);
                          }
                        }));
    for (CelExpr node : AstNodes.all(ast.getExpr())) {
      if (node.getKind() == CelExpr.ExprKind.Kind.CALL) {
        comparison(model, all, checked, ast, node, report);
      } else if (node.getKind() == CelExpr.ExprKind.Kind.STRUCT) {
        objectLiteral(model, all, checked, ast, node, report);
      }
    }
  }

  /** {@code Address{kind: 'HOUSE'}}, and {@code Person{statuses: ['OPEN']}} for a list field. */
  private static void objectLiteral(
      ModelIndex model,
      CheckedExpressions all,
      CheckedExpression checked,
      CelAbstractSyntaxTree ast,
      CelExpr literal,
      Reporter report) {
    Optional<ModelStruct> struct = ast.getType(literal.id()).flatMap(t -> all.types().struct(t));
    if (struct.isEmpty()) {
      return;
    }
    for (CelExpr.CelStruct.Entry entry : literal.struct().entries()) {
      Optional<TypeRef> type = struct.get().field(entry.fieldKey()).map(f -> f.type());
      Optional<EnumDef> enumDef =
          type.flatMap(
              t -> enumOf(model, new TypeRef(t.name(), false, t.location()), struct.get().owner()));
      if (enumDef.isEmpty()) {
        continue;
      }
      CelExpr value = entry.value();
      List<CelExpr> literals =
          type.get().list() && value.getKind() == CelExpr.ExprKind.Kind.LIST
              ? value.list().elements().stream().filter(UnknownEnumLiteral::isString).toList()
              : results(value);
      String says =
          checked.site().subject()
              + " gives "
              + "`%s` of %s"
                  .formatted(entry.fieldKey(), struct.get().description())
                  .replace("%", "%%")
              + " the value '%s'";
      for (CelExpr found : literals) {
        literal(all, checked, ast, found, enumDef.get(), says, report);
      }
    }
  }

  /** The literals an expression may give: itself, or the branches of {@code c ? a : b}. */
  private static List<CelExpr> results(CelExpr expr) {
    List<CelExpr> found = new ArrayList<>();
    if (isString(expr)) {
      found.add(expr);
    } else if (expr.getKind() == CelExpr.ExprKind.Kind.CALL
        && expr.call().function().equals("_?_:_")
        && expr.call().args().size() == 3) {
      found.addAll(results(expr.call().args().get(1)));
      found.addAll(results(expr.call().args().get(2)));
    }
    return found;
  }

  private static void comparison(
      ModelIndex model,
      CheckedExpressions all,
      CheckedExpression checked,
      CelAbstractSyntaxTree ast,
      CelExpr call,
      Reporter report) {
    String function = call.call().function();
    List<CelExpr> args = call.call().args();
    if (args.size() != 2 || !List.of("_==_", "_!=_", "@in").contains(function)) {
      return;
    }
    List<CelExpr> sides = function.equals("@in") ? args.subList(0, 1) : args;
    for (CelExpr side : sides) {
      Optional<EnumField> field = enumField(model, all, ast, side);
      if (field.isEmpty()) {
        continue;
      }
      CelExpr other = function.equals("@in") ? args.get(1) : args.get(side == args.get(0) ? 1 : 0);
      List<CelExpr> literals =
          other.getKind() == CelExpr.ExprKind.Kind.LIST
              ? other.list().elements().stream().filter(UnknownEnumLiteral::isString).toList()
              : results(other);
      String says =
          checked.site().subject()
              + " compares "
              + field.get().name().replace("%", "%%")
              + " with '%s'";
      for (CelExpr literal : literals) {
        literal(all, checked, ast, literal, field.get().enumDef(), says, report);
      }
    }
  }

  private record EnumField(String name, EnumDef enumDef) {}

  /** {@code x.f} where {@code f} is an enum field of a model struct. */
  private static Optional<EnumField> enumField(
      ModelIndex model, CheckedExpressions all, CelAbstractSyntaxTree ast, CelExpr side) {
    if (side.getKind() != CelExpr.ExprKind.Kind.SELECT) {
      return Optional.empty();
    }
    String fieldName = side.select().field();
    Optional<ModelStruct> struct =
        ast.getType(side.select().operand().id()).flatMap(t -> all.types().struct(t));
    return struct.flatMap(
        s ->
            s.field(fieldName)
                .flatMap(f -> enumOf(model, f.type(), s.owner()))
                .map(e -> new EnumField("`%s` of %s".formatted(fieldName, s.description()), e)));
  }

  private static void literal(
      CheckedExpressions all,
      CheckedExpression checked,
      CelAbstractSyntaxTree ast,
      CelExpr literal,
      EnumDef enumDef,
      String says,
      Reporter report) {
    String value = literal.constant().stringValue();
    if (enumDef.hasValue(value)) {
      return;
    }
    List<String> values = enumDef.values().stream().map(Located::value).toList();
    String hint = Suggestions.didYouMean(value, values);
    int offset = ast.getSource().getPositionsMap().getOrDefault(literal.id(), 0);
    report.error(
        all.locator().locateCodePoint(checked.expression(), offset),
        says.formatted(value) + ", which is not a value of enum `%s`.".formatted(enumDef.name()),
        hint.isEmpty()
            ? "the values are "
                + values.stream().map(v -> "`" + v + "`").collect(Collectors.joining(", "))
            : hint);
  }

  private static Optional<EnumDef> enumOf(
      ModelIndex model, TypeRef type, Optional<Aggregate> owner) {
    if (type.list() || model.kindOf(type, owner) != ModelIndex.TypeKind.ENUM) {
      return Optional.empty();
    }
    return model.enumDef(type.name());
  }

  private static boolean isString(CelExpr expr) {
    return expr.getKind() == CelExpr.ExprKind.Kind.CONSTANT
        && expr.constant().getKind() == CelConstant.Kind.STRING_VALUE;
  }
}
