package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.NamedElement.Kind;
import java.util.List;

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
    List<NamedElement> commands =
        NamedElements.of(model).stream()
            .filter(e -> e.kind() == Kind.COMMAND && ValidNames.isUsable(e))
            .toList();
    // The example is a command of the user's own model that reads well, if there is one.
    String example =
        commands.stream()
            .map(NamedElement::name)
            .filter(n -> tense.commandProblem(n).isEmpty())
            .sorted()
            .findFirst()
            .orElse("<Verb><Thing>");
    for (NamedElement e : commands) {
      tense
          .commandProblem(e.name())
          .ifPresent(
              why ->
                  report.warning(
                      e.location(),
                      "Command `%s` does not read as an instruction: %s.".formatted(e.name(), why),
                      "name a command for what the caller asks, verb first, as in `%s`"
                          .formatted(example)));
    }
  }
}
