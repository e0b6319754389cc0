package dev.tracepaper.render.build;

import dev.tracepaper.expr.CheckedExpressions;
import dev.tracepaper.model.Auth;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Expression;
import dev.tracepaper.render.data.CommandCheckData;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code when} conditions of a command's {@code auth}, as the method {@code admits(Caller
 * user)} of its input record: the input is {@code this}. The handler calls it before the state is
 * loaded, for users of the pool in none of the auth's roles.
 */
final class CommandChecks {

  private final CheckedExpressions checked;
  private final TypeMapping types;
  private final String runtimePackage;

  CommandChecks(CheckedExpressions checked, TypeMapping types, String runtimePackage) {
    this.checked = checked;
    this.types = types;
    this.runtimePackage = runtimePackage;
  }

  /** The check of {@code command}; the record's imports are added to {@code imports}. */
  CommandCheckData of(Command command, Set<String> imports) {
    List<Expression> conditions = command.auth().map(Auth::conditions).orElse(List.of());
    if (conditions.isEmpty()) {
      return CommandCheckData.NONE;
    }
    ExpressionCode expressions =
        new ExpressionCode(checked, types, runtimePackage, Map.of("command", "this"), imports);
    imports.add(runtimePackage + ".Caller");
    List<String> roles = command.auth().orElseThrow().roles();
    // One condition stands alone after `return`: parentheses around all of it say nothing.
    List<String> java =
        conditions.size() == 1
            ? List.of(ExpressionCode.unwrapped(expressions.java(conditions.get(0))))
            : conditions.stream().map(expressions::java).toList();
    return new CommandCheckData(roles, java);
  }
}
