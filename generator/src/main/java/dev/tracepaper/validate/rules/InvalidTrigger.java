package dev.tracepaper.validate.rules;

import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TestCase;
import dev.tracepaper.model.Trigger;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.Phrases;
import dev.tracepaper.validate.rules.shape.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An event of a command's {@code on} that cannot give the command its input: it is named twice, a
 * line gives a field the command does not have (or one the system fills), a field is left without a
 * value, or a field copied by name has another type in the event. Also a case whose {@code on}
 * names no event of the command's {@code on}. Unknown events are UnknownEvent's; a mapped value of
 * the wrong type is ExpressionTypeError's.
 */
public final class InvalidTrigger implements Rule {

  @Override
  public void check(ModelIndex index, Reporter report) {
    for (Aggregate aggregate : index.model().aggregates()) {
      for (Command command : aggregate.commands()) {
        List<Event> seen = new ArrayList<>();
        for (Trigger trigger : command.triggers()) {
          Optional<Event> event = index.event(trigger.on());
          if (event.isEmpty()) {
            continue;
          }
          if (seen.contains(event.get())) {
            report.error(
                trigger.location(),
                "Command `%s` names `%s` twice in its `on`."
                    .formatted(command.name(), qualified(event.get())),
                "one event runs a command once: keep one entry and give every field it maps"
                    + " there");
            continue;
          }
          seen.add(event.get());
          mappings(command, trigger, report);
          unmapped(command, trigger, event.get(), report);
        }
        for (TestCase test : command.tests()) {
          test.on().ifPresent(on -> testOn(index, command, test, seen, on, report));
        }
      }
    }
  }

  private static void mappings(Command command, Trigger trigger, Reporter report) {
    for (Assignment.SetValue mapping : trigger.mappings()) {
      Optional<Field> field = command.field(mapping.field());
      if (field.isEmpty()) {
        String hint =
            Suggestions.didYouMean(
                mapping.field(), command.fields().stream().map(Field::name).toList());
        report.error(
            mapping.location(),
            "The trigger `%s` of command `%s` gives `%s`, but the command has no field `%s`."
                .formatted(trigger.on(), command.name(), mapping.field(), mapping.field()),
            hint.isEmpty()
                ? "a trigger gives the command's input: add `%s` to the command's `fields`, or"
                        .formatted(mapping.field())
                    + " remove the line"
                : hint);
      } else if (field.get().constraints().autoFill().isPresent()) {
        report.error(
            mapping.location(),
            "The trigger `%s` of command `%s` gives `%s`, which the system fills (`autoFill: %s`)."
                .formatted(
                    trigger.on(),
                    command.name(),
                    mapping.field(),
                    field.get().constraints().autoFill().map(Located::value).orElseThrow()),
            "remove the line: the system fills the field when an event runs the command too,"
                + " with the caller who recorded the event");
      }
    }
  }

  /** The fields no line gives: copied from the event's field of the same name, or defaulted. */
  private static void unmapped(Command command, Trigger trigger, Event event, Reporter report) {
    for (Field field : command.fields()) {
      boolean mapped = trigger.mappings().stream().anyMatch(m -> m.field().equals(field.name()));
      if (mapped || field.constraints().autoFill().isPresent()) {
        continue;
      }
      Optional<Field> copied = event.field(field.name());
      if (copied.isPresent()) {
        if (!fits(field.type(), copied.get().type())) {
          report.error(
              trigger.location(),
              ("The trigger `%s` of command `%s` copies `%s` from event `%s`, where it is %s,"
                      + " into the command's field `%s`, which is %s.")
                  .formatted(
                      trigger.on(),
                      command.name(),
                      field.name(),
                      event.name(),
                      Types.quoted(copied.get().type()),
                      field.name(),
                      Types.quoted(field.type())),
              "give it under `%s`: `%s: <expression over event>`"
                  .formatted(trigger.on(), field.name()),
              copied.get().location());
        }
      } else if (field.isRequired(true)) {
        report.error(
            trigger.location(),
            ("The trigger `%s` of command `%s` leaves the field `%s` without a value: event `%s`"
                    + " has no field `%s`.")
                .formatted(trigger.on(), command.name(), field.name(), event.name(), field.name()),
            "give it under `%s`: `%s: <expression over event>`, or give the field a default"
                .formatted(trigger.on(), field.name()),
            field.location());
      }
    }
  }

  /**
   * A copy needs the same type; an Int goes into a Float by a line that says so ({@code
   * double(event.x)}), as everywhere a value changes type.
   */
  private static boolean fits(TypeRef into, TypeRef from) {
    return into.list() == from.list() && into.name().equals(from.name());
  }

  private static void testOn(
      ModelIndex index,
      Command command,
      TestCase test,
      List<Event> triggers,
      dev.tracepaper.model.EventRef on,
      Reporter report) {
    Optional<Event> event = index.event(on);
    if (event.isPresent() && triggers.contains(event.get())) {
      return;
    }
    List<String> names = triggers.stream().map(InvalidTrigger::qualified).toList();
    report.error(
        on.location(),
        "Test `%s` of command `%s` runs on `%s`, which is not an event of the command's `on`."
            .formatted(test.name(), command.name(), on),
        names.isEmpty()
            ? "add `%s` to the command's `on`, or leave `on` out to run the case through the API"
                .formatted(on)
            : Suggestions.closest(on.toString(), names)
                .map("did you mean `%s`?"::formatted)
                .orElse("name one of the command's `on`: " + Phrases.names(names, "or")));
  }

  private static String qualified(Event event) {
    return event.aggregate() + "." + event.name();
  }
}
