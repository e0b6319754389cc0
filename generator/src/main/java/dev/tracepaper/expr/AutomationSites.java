package dev.tracepaper.expr;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.Automation;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Expression;
import dev.tracepaper.model.Let;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The expressions of an automation, with the names each sees: the trigger's {@code event} (for an
 * automation run by an event), {@code now} and {@code today}, {@code secrets}, and the variables
 * set by the activities before it ({@code let}, and a {@code forEach}'s item inside its loop).
 */
final class AutomationSites {

  /** {@code secrets.<name>}: every secret is text; which names exist is UndeclaredSecret's. */
  static final CelType SECRETS = MapType.create(SimpleType.STRING, SimpleType.STRING);

  private static final String WHY =
      "an automation sees its trigger's `event` (when an event runs it), `now`, `today`, its"
          + " `secrets` and the variables its activities set; it has no `state`, `command` or"
          + " `user`";

  private final ModelTypes types;
  private final ModelIndex index;
  private final ModelWalker.Checker checker;

  AutomationSites(ModelTypes types, ModelWalker.Checker checker) {
    this.types = types;
    this.index = types.index();
    this.checker = checker;
  }

  /** The names every activity of {@code automation} sees before its own variables. */
  static Map<String, CelType> roots(ModelTypes types, Automation automation) {
    Map<String, CelType> names = new LinkedHashMap<>();
    if (automation.trigger() instanceof Automation.OnEvent on) {
      names.put("event", types.index().event(on.event()).map(types::event).orElse(SimpleType.DYN));
    }
    names.put("now", SimpleType.TIMESTAMP);
    names.put("today", ModelTypes.DATE);
    names.put("secrets", SECRETS);
    return names;
  }

  void automation(Automation automation) {
    String element = "automation `" + automation.name() + "`";
    activities(
        automation.activities(), element, new Scope(roots(types, automation), List.of(), WHY));
  }

  /** Checks the activities in order; returns the scope after them (with their variables). */
  private Scope activities(List<Automation.Activity> activities, String element, Scope scope) {
    int number = 1;
    for (Automation.Activity activity : activities) {
      String what = "activity " + number++ + " (`" + activity.kind() + "`) of " + element;
      scope = activity(activity, element, what, scope);
    }
    return scope;
  }

  private Scope activity(Automation.Activity activity, String element, String what, Scope scope) {
    if (activity instanceof Automation.Effect effect && effect.condition().isPresent()) {
      check(
          effect.condition().get(),
          Place.AUTOMATION_CONDITION,
          element,
          "the `if` of " + what,
          Optional.empty(),
          scope);
    }
    if (activity instanceof Automation.SetVariables set) {
      Scope now = scope;
      for (Let let : set.variables()) {
        CheckedExpression value =
            check(
                let.value(),
                Place.AUTOMATION_LET,
                element,
                "the variable `" + let.name() + "` of " + element,
                Optional.empty(),
                now);
        now = now.with(let.name(), value, List.of());
      }
      return now;
    } else if (activity instanceof Automation.Stop stop) {
      check(
          stop.condition(),
          Place.AUTOMATION_CONDITION,
          element,
          "the `stopIf` of " + what,
          Optional.empty(),
          scope);
    } else if (activity instanceof Automation.ForEach loop) {
      CheckedExpression items =
          check(
              loop.items(),
              Place.AUTOMATION_ITEMS,
              element,
              "the `in` of " + what,
              Optional.empty(),
              scope);
      CelType item = items.resultType() instanceof ListType list ? list.elemType() : SimpleType.DYN;
      activities(loop.activities(), element, scope.with(loop.as().value(), item, List.of()));
    } else if (activity instanceof Automation.Email email) {
      email.to().forEach(to -> text(to, "to", element, what, scope));
      text(email.subject(), "subject", element, what, scope);
      template(email.body(), element, what, scope);
    } else if (activity instanceof Automation.Http http) {
      text(http.url(), "url", element, what, scope);
      http.query().forEach(q -> text(q.value(), "query." + q.name(), element, what, scope));
      http.headers().forEach(h -> text(h.value(), "headers." + h.name(), element, what, scope));
      http.body().ifPresent(b -> template(b, element, what, scope));
    } else if (activity instanceof Automation.S3Object s3) {
      text(s3.key(), "key", element, what, scope);
      template(s3.content(), element, what, scope);
    } else if (activity instanceof Automation.SendCommand send) {
      command(send, element, what, scope);
    }
    return scope;
  }

  private void command(Automation.SendCommand send, String element, String what, Scope scope) {
    Optional<Command> command = send.resolve(index.model());
    Optional<Aggregate> owner = command.flatMap(c -> index.aggregate(c.aggregate()));
    for (Assignment.SetValue line : send.with()) {
      Optional<Target> target =
          command.flatMap(
              c ->
                  c.field(line.field())
                      .map(
                          f ->
                              new Target(
                                  f.name(),
                                  f.type(),
                                  types.of(f.type(), owner),
                                  "command `" + c.name() + "`",
                                  owner)));
      check(
          line.value(),
          Place.AUTOMATION_INPUT,
          element,
          "the value of `" + line.field() + "` sent by " + what,
          target,
          scope);
    }
  }

  private void template(Automation.Template template, String element, String what, Scope scope) {
    for (Let value : template.with()) {
      check(
          value.value(),
          Place.TEMPLATE_VALUE,
          element,
          "the template value `" + value.name() + "` of " + what,
          Optional.empty(),
          scope);
    }
  }

  /**
   * A value that must be text: {@code key} names it in messages, as {@code url} or {@code
   * headers.X}.
   */
  private void text(Expression expression, String key, String element, String what, Scope scope) {
    TypeRef string = new TypeRef("String", false, expression.location());
    Target target = new Target(key, string, SimpleType.STRING, what, Optional.empty());
    check(
        expression,
        Place.AUTOMATION_INPUT,
        element,
        "the `" + key + "` of " + what,
        Optional.of(target),
        scope);
  }

  private CheckedExpression check(
      Expression expression,
      Place place,
      String element,
      String description,
      Optional<Target> target,
      Scope scope) {
    return checker.check(expression, new Site(place, element, description, target), scope);
  }
}
