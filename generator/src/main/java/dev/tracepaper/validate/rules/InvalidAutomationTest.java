package dev.tracepaper.validate.rules;

import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.model.Automation;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A test of an automation that cannot say what it means: {@code when} given to an automation no
 * event runs, or naming a field its event lacks; {@code at} that is no moment; an expected activity
 * naming what that kind of activity does not have.
 */
public final class InvalidAutomationTest implements Rule {

  /** What a test may compare of each kind of activity. */
  public static final Map<String, List<String>> COMPARED =
      Map.of(
          "email", List.of("from", "to", "subject", "body"),
          "http", List.of("method", "url", "headers", "body"),
          "s3Object", List.of("bucket", "key", "content"),
          "command", List.of("send", "with"));

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (Automation automation : model.model().automations()) {
      Optional<Event> event =
          automation.trigger() instanceof Automation.OnEvent on
              ? model.event(on.event())
              : Optional.empty();
      for (Automation.Test test : automation.tests()) {
        String subject = "Test `%s` of automation `%s`".formatted(test.name(), automation.name());
        test.when().ifPresent(when -> when(automation, event, when, subject, report));
        TestMoment.check(test.at(), subject, report);
        for (Automation.Expected expected : test.then()) {
          List<String> known = COMPARED.get(expected.kind());
          for (MappingNode.Entry e : expected.fields().entries()) {
            if (known != null && !known.contains(e.name())) {
              String hint = Suggestions.didYouMean(e.name(), known);
              report.error(
                  e.key().location(),
                  "%s expects `%s` of the `%s` activity, which has no such part."
                      .formatted(subject, e.name(), expected.kind()),
                  hint.isEmpty()
                      ? "compare "
                          + String.join(", ", known.stream().map(k -> "`" + k + "`").toList())
                      : hint);
            }
          }
        }
      }
    }
  }

  private static void when(
      Automation automation,
      Optional<Event> event,
      MappingNode when,
      String subject,
      Reporter report) {
    if (!(automation.trigger() instanceof Automation.OnEvent)) {
      report.error(
          when.location(),
          "%s gives `when`, but no event runs automation `%s`."
              .formatted(subject, automation.name()),
          "leave `when` out; `at` gives the moment a schedule or deployment runs it");
      return;
    }
    if (event.isEmpty()) {
      return; // UnknownEvent
    }
    List<String> fields = event.get().fields().stream().map(Field::name).toList();
    for (MappingNode.Entry e : when.entries()) {
      if (!fields.contains(e.name())) {
        String hint = Suggestions.didYouMean(e.name(), fields);
        report.error(
            e.key().location(),
            "%s gives `%s`, which event `%s` does not have."
                .formatted(subject, e.name(), event.get().name()),
            hint.isEmpty() ? "its fields are " + String.join(", ", fields) : hint);
      }
    }
  }
}
