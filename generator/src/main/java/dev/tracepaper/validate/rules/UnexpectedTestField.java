package dev.tracepaper.validate.rules;

import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.Keys;
import dev.tracepaper.validate.rules.shape.TestSite;
import dev.tracepaper.validate.rules.shape.ViewTestSite;
import java.util.Optional;

/**
 * Every field a test names must exist where it names it: in the command's input (or the triggering
 * event of a policy), the given or expected events, or the aggregate's state. A command's {@code
 * autoFill} field is not part of its input, so {@code when} cannot give it. A view's test names
 * fields of its given events and of the view's rows.
 */
public final class UnexpectedTestField implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (TestSite site : TestSite.all(model)) {
      for (TestSite.Values values : site.values(model)) {
        for (MappingNode.Entry entry : values.values().entries()) {
          Optional<Field> field =
              values.fields().stream().filter(f -> f.name().equals(entry.name())).findFirst();
          if (field.isEmpty()) {
            reportUnknown(site.phrase(), values, entry, report);
          } else if (values.part() == TestSite.Part.WHEN && site.flow().isCommand()) {
            field
                .get()
                .constraints()
                .autoFill()
                .ifPresent(
                    fill ->
                        report.error(
                            entry.key().location(),
                            "%s gives `%s` in `when`, but the system fills it (`autoFill: %s`), so it is"
                                    .formatted(site.phrase(), entry.name(), fill.value())
                                + " not part of the command's input.",
                            "remove `%s` from `when`".formatted(entry.name()),
                            fill.location()));
          }
        }
      }
    }
    for (ViewTestSite site : ViewTestSite.all(model)) {
      for (TestSite.Values values : site.values(model)) {
        for (MappingNode.Entry entry : values.values().entries()) {
          if (values.fields().stream().noneMatch(f -> f.name().equals(entry.name()))) {
            reportUnknown(site.phrase(), values, entry, report);
          }
        }
      }
    }
  }

  private static void reportUnknown(
      String phrase, TestSite.Values values, MappingNode.Entry entry, Reporter report) {
    String doing =
        switch (values.part()) {
          case WHEN -> "gives `%s` in `when`".formatted(entry.name());
          case GIVEN_EVENT ->
              "gives `%s` for the given event `%s`".formatted(entry.name(), values.element());
          case GIVEN_STATE -> "gives `%s` in the given state".formatted(entry.name());
          case OTHER_STATE -> "gives `%s` in the state of another instance".formatted(entry.name());
          case THEN_EVENT ->
              "expects `%s` of the event `%s`".formatted(entry.name(), values.element());
          case THEN_STATE -> "expects `%s` in the state".formatted(entry.name());
          case THEN_ROW -> "expects `%s` in a row".formatted(entry.name());
        };
    String guess = Suggestions.didYouMean(entry.name(), Keys.names(values.fields()));
    report.error(
        entry.key().location(),
        "%s %s, but %s has no field `%s`.".formatted(phrase, doing, values.owner(), entry.name()),
        guess.isEmpty() ? "remove it, or name one of the fields of " + values.owner() : guess);
  }
}
