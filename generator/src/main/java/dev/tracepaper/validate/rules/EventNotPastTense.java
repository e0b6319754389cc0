package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.NamedElement.Kind;
import java.util.List;

/**
 * An event whose name has no word in the past tense ({@code RegisterBook}, {@code
 * BookRegistration}): events record what happened, {@code BookRegistered}, {@code BookLent}. Past
 * tense is a regular {@code -ed} or one of a list of irregular forms ({@code lent}, {@code paid},
 * {@code withdrawn}, …).
 */
public final class EventNotPastTense implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    Tense tense = new Tense(model.model());
    List<NamedElement> events =
        NamedElements.of(model).stream()
            .filter(e -> e.kind() == Kind.EVENT && ValidNames.isUsable(e))
            .toList();
    // The example is an event of the user's own model that reads well, if there is one.
    String example =
        events.stream()
            .map(NamedElement::name)
            .filter(tense::readsAsPast)
            .sorted()
            .findFirst()
            .orElse("<Thing><Verb>ed");
    for (NamedElement e : events) {
      if (tense.readsAsPast(e.name())) {
        continue;
      }
      String hint =
          tense
              .pastTenseOf(e.name())
              .map(s -> "name what happened, in the past tense: `%s`".formatted(s))
              .orElse(
                  "name what happened, with its verb in the past tense, as in `%s`"
                      .formatted(example));
      report.warning(
          e.location(),
          "Event `%s` does not read as something that happened: none of its words is in the"
                  .formatted(e.name())
              + " past tense.",
          hint);
    }
  }
}
