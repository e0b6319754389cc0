package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Creation;
import dev.tracepaper.model.Emit;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.Copying;
import dev.tracepaper.validate.rules.shape.FlowSite;
import dev.tracepaper.validate.rules.shape.KeySources;
import dev.tracepaper.validate.rules.shape.Phrases;
import java.util.Optional;

/**
 * Every field of an emitted event must get a value: mapped in {@code emits}, or copied by name
 * (spec "Field copying"). A field that can get none is an error, not a null at run time.
 */
public final class UnfilledEventField implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (FlowSite site : FlowSite.all(model)) {
      for (Emit emit : site.flow().emits()) {
        Optional<Event> event = Copying.event(site, emit);
        if (event.isEmpty()) {
          continue;
        }
        Copying.resolve(site, emit, event.get()).stream()
            .filter(r -> r.from() == Copying.From.NOWHERE)
            .filter(r -> !(KeySources.missing(site) && isKey(site, r.field().name())))
            .forEach(r -> report(site, emit, r.field().name(), report));
      }
    }
  }

  /** The key field of a flow without a key source is reported once, by MissingKeySource. */
  private static boolean isKey(FlowSite site, String field) {
    return KeySources.keyName(site).filter(field::equals).isPresent();
  }

  private static void report(FlowSite site, Emit emit, String field, Reporter report) {
    report.error(
        emit.location(),
        "%s emits `%s`, whose field `%s` gets no value: %s."
            .formatted(Phrases.capital(site.phrase()), emit.event(), field, lookedAt(site, field)),
        "map it in `emits`: `- %s: {%s: <expression>}`".formatted(emit.event(), field));
  }

  private static String lookedAt(FlowSite site, String field) {
    String input =
        site.isCommand()
            ? "no field `%s`".formatted(field)
            : "its triggering event `%s` has no field `%s`"
                .formatted(site.trigger().orElseThrow().name(), field);
    if (site.flow().creates()) {
      return "there is no `let` variable `%s`, %s, and the state %s empty when a creating %s runs"
          .formatted(
              field,
              input,
              site.flow().creation() == Creation.CREATES ? "is still" : "may still be",
              site.isCommand() ? "command" : "policy");
    }
    return "there is no `let` variable `%s`, %s, and aggregate `%s` has no field `%s`"
        .formatted(field, input, site.aggregate().name(), field);
  }
}
