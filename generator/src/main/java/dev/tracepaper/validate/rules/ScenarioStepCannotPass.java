package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Auth;
import dev.tracepaper.model.AuthMode;
import dev.tracepaper.model.BusinessRule;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.Scenario;
import dev.tracepaper.model.TestCase;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.ScenarioSteps;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A scenario step that fails whatever the application does: an {@code error} no rule of the command
 * (nor unique constraint of its aggregate) has and the system never gives (a query here only
 * refuses, {@code UNAUTHORIZED}); an {@code error} beside {@code expect} or {@code extract} (a
 * failed step answers nothing); a {@code message} without an {@code error}; a command without a
 * required input field, or run by a caller without any of the roles its auth admits, that is not
 * expected to fail; a query without the argument it reads by.
 */
public final class ScenarioStepCannotPass implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (ScenarioSteps s : ScenarioSteps.all(model)) {
      Scenario.Step step = s.step();
      step.error()
          .ifPresent(
              code -> {
                if (!step.expect().entries().isEmpty() || !step.extract().entries().isEmpty()) {
                  report.error(
                      code.location(),
                      "%s expects the error %s and also `%s` from the answer, but a failed step answers nothing."
                          .formatted(
                              s.phrase(),
                              code.value(),
                              step.expect().entries().isEmpty() ? "extract" : "expect"),
                      "drop `expect` and `extract` from this step, or drop `error`");
                }
              });
      if (step.message().isPresent() && step.error().isEmpty()) {
        report.error(
            step.message().get().location(),
            "%s expects an error message, but no `error`: a step that succeeds has no message."
                .formatted(s.phrase()),
            "add the `error` code the message belongs to, or drop `message`");
      }
      s.command().ifPresent(c -> command(model, s, c, report));
      s.query().ifPresent(q -> query(model, s, q, report));
    }
  }

  private static void command(ModelIndex model, ScenarioSteps s, Command command, Reporter report) {
    Scenario.Step step = s.step();
    if (step.error().isPresent()) {
      Located<String> code = step.error().get();
      Set<String> codes = new LinkedHashSet<>();
      command.rules().stream().map(BusinessRule::code).map(Located::value).forEach(codes::add);
      // A command refuses a value another instance holds with its aggregate's constraint's code.
      List<String> unique =
          model.aggregate(command.aggregate()).stream()
              .flatMap(a -> a.unique().stream())
              .flatMap(u -> u.code().stream())
              .map(Located::value)
              .toList();
      codes.addAll(unique);
      if (!codes.contains(code.value()) && !UnknownErrorCode.SYSTEM_CODES.contains(code.value())) {
        codes.addAll(UnknownErrorCode.SYSTEM_CODES);
        report.error(
            code.location(),
            "%s expects `%s` to fail with %s, but none of its rules%s has that code and the system never gives it."
                .formatted(
                    s.phrase(),
                    command.name(),
                    code.value(),
                    unique.isEmpty()
                        ? ""
                        : " nor unique constraints of aggregate `%s`"
                            .formatted(command.aggregate())),
            "expect one of: " + String.join(", ", codes),
            command.location());
      }
      return;
    }
    for (Field field : command.fields()) {
      if (field.isRequired(true) && step.values().get(field.name()).isEmpty()) {
        report.error(
            step.target().get().location(),
            "%s runs `%s` without its required field `%s`: the command refuses it (VALIDATION)."
                .formatted(s.phrase(), command.name(), field.name()),
            "give `%s` in `input`, or expect `error: VALIDATION`".formatted(field.name()),
            field.location());
      }
    }
    Optional<Auth> auth = command.auth().or(() -> defaultAuth(model));
    List<String> roles = roles(auth);
    if (!roles.isEmpty()) {
      List<String> callerRoles = callerRoles(s);
      if (callerRoles.stream().noneMatch(roles::contains)) {
        report.error(
            step.target().get().location(),
            "%s runs `%s` as a caller with %s, but only the roles %s may run it: it is refused (UNAUTHORIZED)."
                .formatted(
                    s.phrase(),
                    command.name(),
                    callerRoles.isEmpty()
                        ? "no role"
                        : "the roles " + String.join(", ", callerRoles),
                    String.join(", ", roles)),
            "give the step (or the scenario) `as: {roles: [%s]}`, or expect `error: UNAUTHORIZED`"
                .formatted(roles.get(0)));
      }
    }
  }

  private static void query(ModelIndex model, ScenarioSteps s, Query query, Reporter report) {
    Scenario.Step step = s.step();
    if (step.error().isPresent() && !step.error().get().value().equals("UNAUTHORIZED")) {
      report.error(
          step.error().get().location(),
          "%s expects the query to fail with %s, but a query only refuses a caller (UNAUTHORIZED); a missing row answers null."
              .formatted(s.phrase(), step.error().get().value()),
          "expect `error: UNAUTHORIZED`, or expect the row's absence with `expect: {<key>: null}`");
    }
    Optional<String> needed =
        switch (query.kind()) {
          case GET -> model.viewKey(s.view().get());
          case INDEX -> query.index().map(Located::value);
          case LIST -> Optional.empty();
        };
    if (needed.isPresent() && step.values().get(needed.get()).isEmpty()) {
      report.error(
          step.target().get().location(),
          "%s reads `%s` without its argument `%s`, which the query cannot do without."
              .formatted(s.phrase(), step.target().get().value(), needed.get()),
          "give it in `args`: `args: {%s: <value>}`".formatted(needed.get()));
    }
  }

  private static Optional<Auth> defaultAuth(ModelIndex model) {
    return model.model().app().flatMap(a -> a.auth().defaultAuth());
  }

  /**
   * The roles that alone admit a user-pool caller; empty when a mode or an entry admits callers
   * whatever their roles (authenticated, a data-dependent entry, no auth at all).
   */
  static List<String> roles(Optional<Auth> auth) {
    if (auth.isEmpty() || auth.get().dependsOnData()) {
      return List.of();
    }
    List<String> roles = new ArrayList<>();
    for (AuthMode mode : auth.get().modes()) {
      if (mode.kind() != AuthMode.Kind.ROLE) {
        return List.of();
      }
      mode.role().ifPresent(roles::add);
    }
    return roles;
  }

  private static List<String> callerRoles(ScenarioSteps s) {
    return s.step().as().or(s.scenario()::as).map(TestCase.Caller::roles).orElse(List.of()).stream()
        .map(Located::value)
        .toList();
  }
}
