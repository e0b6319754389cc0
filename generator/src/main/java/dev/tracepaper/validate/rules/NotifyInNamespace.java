package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Command;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;

/**
 * {@code notify: true} on a command whose API name puts its mutation in a namespace ({@code api:
 * Project.Pipeline.register}). AppSync's {@code @aws_subscribe} names fields of the root {@code
 * Mutation} type only, so no subscription can follow a mutation inside a namespace type.
 */
public final class NotifyInNamespace implements Rule {

  @Override
  public void check(ModelIndex index, Reporter report) {
    for (Command command : index.model().commands().toList()) {
      if (!command.notifies()) {
        continue;
      }
      command
          .api()
          .filter(api -> api.value().contains("."))
          .ifPresent(api -> report(command, api, report));
    }
  }

  private static void report(Command command, Located<String> api, Reporter report) {
    String field = api.value().substring(api.value().lastIndexOf('.') + 1);
    report.error(
        command.notification().orElseThrow().location(),
        ("Command `%s` has `notify: true`, but its API name `%s` puts its mutation in a namespace:"
                + " AppSync subscribes to mutations of the root `Mutation` type only.")
            .formatted(command.name(), api.value()),
        "leave `notify` out, or give the command a root API name (`api: %s`, or none)"
            .formatted(field),
        api.location());
  }
}
