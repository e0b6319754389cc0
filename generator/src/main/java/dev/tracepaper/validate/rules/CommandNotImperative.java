package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.NamedElement.Kind;

/**
 * A command whose name does not read as an instruction: it starts with a past tense ({@code
 * RegisteredBook}), with a noun made from a verb ({@code RegistrationOfBook}, {@code LendingBook}),
 * or with a thing of the model followed by such a noun or past tense ({@code BookRegistration},
 * {@code BookRegistered}). Commands are named for what the caller asks: {@code RegisterBook}.
 */
public final class CommandNotImperative implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    Tense tense = new Tense(model.model());
    for (NamedElement e : NamedElements.of(model)) {
      if (e.kind() != Kind.COMMAND || !ValidNames.isUsable(e)) {
        continue;
      }
      tense
          .commandProblem(e.name())
          .ifPresent(
              why ->
                  report.warning(
                      e.location(),
                      "Command `%s` does not read as an instruction: %s.".formatted(e.name(), why),
                      "name a command for what the caller asks, verb first, as in `RegisterBook`"
                          + " or `PlaceOrder`"));
    }
  }
}
