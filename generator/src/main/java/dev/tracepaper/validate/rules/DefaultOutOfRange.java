package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.source.YamlNode;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.Bounds;
import dev.tracepaper.validate.rules.shape.Defaults;
import dev.tracepaper.validate.rules.shape.FieldSite;
import dev.tracepaper.validate.rules.shape.FieldSites;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A default must pass its own field's limits ({@code min}, {@code max}, lengths, item counts);
 * otherwise every call that leaves the field out fails. Defaults of the wrong type are reported by
 * {@link DefaultTypeMismatch} alone.
 */
public final class DefaultOutOfRange implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (FieldSite site : FieldSites.all(model)) {
      Optional<Located<YamlNode>> value = site.field().constraints().defaultValue();
      if (value.isEmpty() || !Defaults.typeProblems(site, model).isEmpty()) {
        continue;
      }
      for (Bounds b : Bounds.of(site.field())) {
        b.measureOf(value.get().value()).ifPresent(m -> check(site, value.get(), b, m, report));
      }
    }
  }

  private static void check(
      FieldSite site, Located<YamlNode> value, Bounds b, BigDecimal amount, Reporter report) {
    b.lower()
        .filter(l -> amount.compareTo(l.value()) < 0)
        .ifPresent(l -> report(site, value, b, amount, b.lowerName(), l, report));
    b.upper()
        .filter(u -> amount.compareTo(u.value()) > 0)
        .ifPresent(u -> report(site, value, b, amount, b.upperName(), u, report));
  }

  private static void report(
      FieldSite site,
      Located<YamlNode> value,
      Bounds b,
      BigDecimal amount,
      String limitName,
      Located<BigDecimal> limit,
      Reporter report) {
    report.error(
        value.location(),
        "The default of %s %s, but its `%s` is %s."
            .formatted(site.phrase(), b.describe(amount), limitName, limit.value().toPlainString()),
        "change the default or the limit so that the default passes",
        limit.location());
  }
}
