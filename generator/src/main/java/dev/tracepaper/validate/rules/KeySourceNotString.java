package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.FlowSite;
import dev.tracepaper.validate.rules.shape.KeySources;
import dev.tracepaper.validate.rules.shape.Types;

/** The field a flow takes its key from must be text, like the key itself. */
public final class KeySourceNotString implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (FlowSite site : FlowSite.all(model)) {
      boolean keyIsString =
          KeySources.keyName(site)
              .flatMap(site.aggregate()::field)
              .filter(f -> Types.isString(f.type()))
              .isPresent();
      if (!keyIsString) {
        continue; // KeyNotString reports the key itself
      }
      KeySources.keyField(site)
          .filter(f -> !Types.isString(f.type()))
          .filter(
              f ->
                  model.kindOf(f.type(), java.util.Optional.of(site.aggregate()))
                      != ModelIndex.TypeKind.UNKNOWN)
          .ifPresent(f -> report(site, f, report));
    }
  }

  private static void report(FlowSite site, Field field, Reporter report) {
    report.error(
        field.type().location(),
        "%s takes the key of `%s` from its %s `%s`, which is %s; the key is a `String`."
            .formatted(
                dev.tracepaper.validate.rules.shape.Phrases.capital(site.phrase()),
                site.aggregate().name(),
                site.inputPhrase(),
                field.name(),
                Types.quoted(field.type())),
        site.isCommand()
            ? "make `%s` a String".formatted(field.name())
            : "write `key:` with an expression that gives the key as text",
        field.location());
  }
}
