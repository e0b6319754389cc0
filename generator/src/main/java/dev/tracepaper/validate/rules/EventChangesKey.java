package dev.tracepaper.validate.rules;

import dev.cel.common.types.CelKind;
import dev.tracepaper.expr.CheckedExpressions;
import dev.tracepaper.expr.ExpressionChecker;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.Emit;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Expression;
import dev.tracepaper.model.Let;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.Copying;
import dev.tracepaper.validate.rules.shape.FlowSite;
import dev.tracepaper.validate.rules.shape.Phrases;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * An event would change the key field of its aggregate's state. {@code apply} copies an event field
 * onto the state field of the same name, the key included; when a flow gives the event's key field
 * another value than the key of the instance it acts on (typically another aggregate's id of the
 * same name), the state of one instance would name another. Silently, until issue 11. Reported in
 * {@code apply} (the key set to anything but itself) and in {@code emits} (the key field given a
 * value that is not the instance's key, as far as the model's text can tell).
 */
public final class EventChangesKey implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (Aggregate aggregate : model.model().aggregates()) {
      Optional<String> key = aggregate.key().map(k -> k.value());
      if (key.isEmpty() || aggregate.field(key.get()).isEmpty()) {
        continue; // AggregateWithoutKey and KeyNotAField say so
      }
      for (Event event : aggregate.events()) {
        checkApply(aggregate, key.get(), event, report);
      }
    }
    CheckedExpressions checked = ExpressionChecker.checked(model);
    for (FlowSite site : FlowSite.all(model)) {
      Optional<String> key = site.aggregate().key().map(k -> k.value());
      // A key expression with problems is the expression rules' to report: nothing to compare.
      boolean keyIsSound =
          site.flow()
              .key()
              .flatMap(checked::of)
              .map(c -> c.isValid() && c.resultType().kind() == CelKind.STRING)
              .orElse(true);
      if (key.isPresent() && site.aggregate().field(key.get()).isPresent() && keyIsSound) {
        checkEmits(site, key.get(), report);
      }
    }
  }

  private static void checkApply(Aggregate aggregate, String key, Event event, Reporter report) {
    for (Assignment line : event.apply()) {
      if (line instanceof Assignment.SetValue set && set.field().equals(key)) {
        String text = normalized(set.value().text());
        if (!text.equals("state." + key) && !text.equals("event." + key)) {
          report.error(
              set.value().location(),
              ("The `apply` of event `%s` sets `%s`, the key of aggregate `%s`, to `%s`: the"
                      + " state of one `%s` would name another, while its events stay stored"
                      + " under the first.")
                  .formatted(
                      event.name(), key, aggregate.name(), set.value().text(), aggregate.name()),
              ("the key of an instance never changes: remove `%s` from `apply`, and keep another"
                      + " id in a field of another name")
                  .formatted(key));
        }
      }
    }
  }

  private static void checkEmits(FlowSite site, String key, Reporter report) {
    Set<String> keyTexts = keyTexts(site, key);
    for (Emit emit : site.flow().emits()) {
      Optional<Event> event = Copying.event(site, emit);
      if (event.isEmpty() || !copiedOntoKey(event.get(), key)) {
        continue;
      }
      for (Copying.Resolved r : Copying.resolve(site, emit, event.get())) {
        Optional<Given> given =
            r.field().name().equals(key) ? given(site, emit, r, key) : Optional.empty();
        if (given.isEmpty() || keyTexts.contains(normalized(given.get().text()))) {
          continue;
        }
        String aggregate = site.aggregate().name();
        report.error(
            emit.location(),
            ("%s emits `%s` with `%s` = %s, which is not the key of the `%s` it acts on (%s);"
                    + " `apply` copies it onto the key, so the state of one `%s` would name"
                    + " another.")
                .formatted(
                    Phrases.capital(site.phrase()),
                    emit.event(),
                    key,
                    given.get().shown(),
                    aggregate,
                    keySource(site, key),
                    aggregate),
            ("if `%s` holds another id, give the event field another name (such as `other%s`);"
                    + " if it is this instance's key, map it: `- %s: {%s: %s}`")
                .formatted(
                    key,
                    Character.toUpperCase(key.charAt(0)) + key.substring(1),
                    emit.event(),
                    key,
                    keySource(site, key).replace("`", "")),
            r.field().location());
      }
    }
  }

  /**
   * What a flow gives an event field.
   *
   * @param shown how the message names it
   * @param text the CEL text it stands for, with {@code let} variables followed
   */
  private record Given(String shown, String text) {}

  /** Whether {@code apply} takes the event's key field into the state's key. */
  private static boolean copiedOntoKey(Event event, String key) {
    if (event.field(key).isEmpty()) {
      return false;
    }
    return event.apply().stream()
        .filter(a -> a.field().equals(key))
        .findFirst()
        .map(
            a ->
                a instanceof Assignment.SetValue set
                    && normalized(set.value().text()).equals("event." + key))
        .orElse(true);
  }

  /** How the event's key field gets its value; empty when it is the key for certain. */
  private static Optional<Given> given(
      FlowSite site, Emit emit, Copying.Resolved resolved, String key) {
    return switch (resolved.from()) {
      case MAPPED ->
          emit.mappings().stream()
              .filter(m -> m.field().equals(key))
              .findFirst()
              .map(m -> new Given("`" + m.value().text() + "`", followLets(site, m.value())));
      case LET ->
          site.flow().let().stream()
              .filter(l -> l.name().equals(key))
              .findFirst()
              .map(l -> new Given("the variable `" + key + "`", followLets(site, l.value())));
      case INPUT ->
          site.flow().key().isPresent()
              ? Optional.of(
                  new Given(
                      site.isCommand()
                          ? "its field `" + key + "`"
                          : "the field `%s` of its triggering event `%s`"
                              .formatted(key, site.trigger().map(Event::name).orElse("?")),
                      (site.isCommand() ? "command." : "event.") + key))
              : Optional.empty();
      case KEY, STATE, NOWHERE -> Optional.empty();
    };
  }

  /** The text of {@code value}, or of the {@code let} variable it names (followed in turn). */
  private static String followLets(FlowSite site, Expression value) {
    String text = value.text();
    Set<String> seen = new HashSet<>();
    while (seen.add(normalized(text))) {
      String name = normalized(text);
      Optional<Expression> let =
          site.flow().let().stream().filter(l -> l.name().equals(name)).map(Let::value).findFirst();
      if (let.isEmpty()) {
        break;
      }
      text = let.get().text();
    }
    return text;
  }

  /** The texts that stand for the instance's key in this flow. */
  private static Set<String> keyTexts(FlowSite site, String key) {
    Set<String> texts = new HashSet<>();
    if (!site.flow().creates()) {
      texts.add("state." + key);
    }
    site.flow().key().ifPresent(k -> texts.add(normalized(k.text())));
    if (site.flow().key().isEmpty() && site.isCommand()) {
      texts.add("command." + key);
    }
    return texts;
  }

  private static String keySource(FlowSite site, String key) {
    return site.flow().key().map(k -> "`" + k.text() + "`").orElse("`command." + key + "`");
  }

  private static String normalized(String text) {
    return text.replaceAll("\\s+", "");
  }
}
