package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.TestSite;
import dev.tracepaper.validate.rules.shape.ValueChecker;
import dev.tracepaper.validate.rules.shape.ViewTestSite;
import java.util.Optional;

/**
 * The values of a test must fit their fields' types: a whole number for an Int, a value of the
 * enum, a real date, the fields of a type. An empty value ({@code ~}) stands for "not given". The
 * same holds for the given events and expected rows of a view's test, and the moment a test runs
 * {@code at} is a UTC time.
 */
public final class WrongTestValue implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (TestSite site : TestSite.all(model)) {
      TestMoment.check(site.test().at(), site.phrase(), report);
      for (TestSite.Values values : site.values(model)) {
        ValueChecker checker = new ValueChecker(model, values.typeOwner(), true);
        for (MappingNode.Entry entry : values.values().entries()) {
          Optional<Field> field =
              values.fields().stream().filter(f -> f.name().equals(entry.name())).findFirst();
          if (field.isEmpty() || filledBySystem(site, values, field.get())) {
            continue;
          }
          check(site.phrase(), checker, values, entry, field.get(), report);
        }
      }
    }
    for (ViewTestSite site : ViewTestSite.all(model)) {
      for (TestSite.Values values : site.values(model)) {
        ValueChecker checker = new ValueChecker(model, values.typeOwner(), true);
        for (MappingNode.Entry entry : values.values().entries()) {
          values.fields().stream()
              .filter(f -> f.name().equals(entry.name()))
              .findFirst()
              .ifPresent(f -> check(site.phrase(), checker, values, entry, f, report));
        }
      }
    }
  }

  private static void check(
      String phrase,
      ValueChecker checker,
      TestSite.Values values,
      MappingNode.Entry entry,
      Field field,
      Reporter report) {
    String subject = "`%s` of %s".formatted(entry.name(), values.owner());
    for (ValueChecker.Problem p : checker.check(entry.value(), field.type(), subject)) {
      report.error(p.location(), "In %s: %s".formatted(lower(phrase), p.message()), p.hint());
    }
  }

  /** An autoFill field given in `when` is reported by UnexpectedTestField alone. */
  private static boolean filledBySystem(TestSite site, TestSite.Values values, Field field) {
    return values.part() == TestSite.Part.WHEN
        && site.flow().isCommand()
        && field.constraints().autoFill().isPresent();
  }

  private static String lower(String phrase) {
    return Character.toLowerCase(phrase.charAt(0)) + phrase.substring(1);
  }
}
