package dev.tracepaper.validate.rules;

import dev.tracepaper.model.AutoFill;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.FlowSite;
import dev.tracepaper.validate.rules.shape.KeySources;
import java.util.Optional;

/**
 * Every command and policy must say which instance it acts on: by an input field named like the
 * aggregate's key, or by a {@code key:} expression. A creating command may have the key made by
 * {@code autoFill}; any other command cannot find an instance by a freshly made uuid.
 */
public final class MissingKeySource implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (FlowSite site : FlowSite.all(model)) {
      Optional<String> key = KeySources.keyName(site);
      if (key.isEmpty() || site.flow().key().isPresent() || site.input().isEmpty()) {
        continue;
      }
      Optional<Field> field = site.inputField(key.get());
      if (field.isEmpty()) {
        reportMissing(site, key.get(), report);
      } else if (!site.flow().creates()) {
        field
            .get()
            .constraints()
            .autoFill()
            .filter(f -> f.value() == AutoFill.uuid)
            .ifPresent(f -> reportFreshUuid(site, key.get(), f, report));
      }
    }
  }

  private static void reportMissing(FlowSite site, String key, Reporter report) {
    String aggregate = site.aggregate().name();
    if (!site.isCommand()) {
      String trigger = site.trigger().orElseThrow().name();
      report.error(
          site.flow().location(),
          "Policy `%s` acts on an instance of `%s` but does not say which: its triggering event `%s`"
                  .formatted(site.flow().name(), aggregate, trigger)
              + " has no field `%s`, and the policy has no `key:`.".formatted(key),
          "add `key: event.<field>` naming the field of `%s` that holds the key"
              .formatted(trigger));
      return;
    }
    if (site.flow().creates()) {
      report.error(
          site.flow().location(),
          "Command `%s` creates an instance of `%s` but gives it no key: it has no field `%s`"
                  .formatted(site.flow().name(), aggregate, key)
              + " and no `key:`.",
          "add the field `%s: String` (or `%s: {type: String, autoFill: uuid}` to have one made),"
                  .formatted(key, key)
              + " or write `key:` with an expression");
      return;
    }
    report.error(
        site.flow().location(),
        "Command `%s` acts on an instance of `%s` but does not say which: it has no field `%s`"
                .formatted(site.flow().name(), aggregate, key)
            + " and no `key:`.",
        "add the field `%s: String`, or write `key:` with an expression".formatted(key));
  }

  private static void reportFreshUuid(
      FlowSite site, String key, Located<AutoFill> fill, Reporter report) {
    report.error(
        fill.location(),
        "Command `%s` finds its `%s` by `%s`, but `%s` is filled with a new uuid, so no existing"
                .formatted(site.flow().name(), site.aggregate().name(), key, key)
            + " instance can ever be found.",
        "remove `autoFill` so that the caller gives the key, or add `creates: true` if the"
            + " command starts a new instance");
  }
}
