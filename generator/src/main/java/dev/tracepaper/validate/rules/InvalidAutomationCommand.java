package dev.tracepaper.validate.rules;

import dev.tracepaper.automation.Activities;
import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.Auth;
import dev.tracepaper.model.AuthMode;
import dev.tracepaper.model.Automation;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.List;
import java.util.Optional;

/**
 * A {@code command} activity that cannot be sent: the command does not exist (or its bare name is
 * one of several aggregates'), {@code with} names a field the command lacks or leaves out a
 * required one, or the automation has no role to send it with ({@code as}, one of {@code
 * app.auth.roles}), or one the command does not admit.
 */
public final class InvalidAutomationCommand implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (Automation automation : model.model().automations()) {
      boolean sends = false;
      for (Automation.Activity activity : Activities.all(automation)) {
        if (activity instanceof Automation.SendCommand send) {
          sends = true;
          command(model, automation, send, report);
        }
      }
      automation.role().ifPresent(role -> role(model, automation, role, report));
      if (sends && automation.role().isEmpty()) {
        report.error(
            automation.location(),
            "Automation `%s` sends commands but does not say as which role (`as`)."
                .formatted(automation.name()),
            "add `as: <role>`, one of `app.auth.roles`: its commands are sent as a system caller"
                + " with that role");
      }
    }
  }

  /**
   * Whether the command's {@code auth} (or the app's default) admits a system caller with the
   * automation's role: that role, any signed-in caller, anyone, or a back-end caller signed with
   * IAM. A {@code when} or {@code owner:} entry depends on the data: the run decides.
   */
  private static void admits(
      ModelIndex model,
      Automation automation,
      Automation.SendCommand send,
      Command command,
      Located<String> role,
      Reporter report) {
    Optional<Auth> auth =
        command.auth().or(() -> model.model().app().flatMap(a -> a.auth().defaultAuth()));
    if (auth.isEmpty() || auth.get().dependsOnData()) {
      return;
    }
    boolean admitted =
        auth.get().modes().stream()
            .anyMatch(
                m ->
                    m.kind() != AuthMode.Kind.ROLE
                        || m.role().map(r -> r.equals(role.value())).orElse(false));
    if (!admitted) {
      report.error(
          send.command().location(),
          "Automation `%s` sends `%s` as `%s`, but the command admits only %s."
              .formatted(
                  automation.name(),
                  send.command().value(),
                  role.value(),
                  String.join(", ", auth.get().modes().stream().map(m -> "`" + m + "`").toList())),
          "send it as one of the roles the command admits, or admit `role:%s` in its `auth`"
              .formatted(role.value()));
    }
  }

  private static void role(
      ModelIndex model, Automation automation, Located<String> role, Reporter report) {
    if (model.roles().contains(role.value())) {
      return;
    }
    String hint = Suggestions.didYouMean(role.value(), model.roles());
    report.error(
        role.location(),
        "Automation `%s` sends its commands as `%s`, which is not one of the roles in"
                .formatted(automation.name(), role.value())
            + " `app.auth.roles`.",
        hint.isEmpty() ? "list `%s` under `app.auth.roles`".formatted(role.value()) : hint);
  }

  private static void command(
      ModelIndex model, Automation automation, Automation.SendCommand send, Reporter report) {
    List<Command> candidates = send.candidates(model.model());
    String subject =
        "Automation `%s` sends `%s`".formatted(automation.name(), send.command().value());
    if (candidates.isEmpty()) {
      String hint =
          Suggestions.didYouMean(
              send.commandName(), model.model().commands().map(Command::name).distinct().toList());
      report.error(
          send.command().location(),
          subject + ", but the model has no such command.",
          hint.isEmpty() ? "name a command as `Aggregate.Command`" : hint);
      return;
    }
    if (candidates.size() > 1) {
      report.error(
          send.command().location(),
          subject + ", a command of several aggregates.",
          "name it with its aggregate: "
              + String.join(
                  " or ",
                  candidates.stream()
                      .map(c -> "`" + c.aggregate() + "." + c.name() + "`")
                      .toList()));
      return;
    }
    Command command = candidates.get(0);
    automation.role().ifPresent(role -> admits(model, automation, send, command, role, report));
    for (Assignment.SetValue line : send.with()) {
      if (command.field(line.field()).isEmpty()) {
        String hint =
            Suggestions.didYouMean(
                line.field(), command.fields().stream().map(Field::name).toList());
        report.error(
            line.location(),
            "%s with `%s`, a field command `%s` does not have."
                .formatted(subject, line.field(), command.name()),
            hint.isEmpty() ? "leave the line out" : hint);
      }
    }
    for (Field field : command.fields()) {
      boolean given = send.with().stream().anyMatch(l -> l.field().equals(field.name()));
      boolean filled =
          field.constraints().autoFill().isPresent()
              || field.constraints().defaultValue().isPresent()
              || !field.isRequired(true);
      if (!given && !filled) {
        report.error(
            send.location(),
            "%s without `%s`, which the command requires.".formatted(subject, field.name()),
            "add `%s: <CEL>` under `with`".formatted(field.name()));
      }
    }
  }
}
