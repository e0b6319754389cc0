package dev.tracepaper.validate.rules.shape;

import dev.tracepaper.model.ModelIndex;
import java.util.List;

/** What is wrong with a field's {@code default}, shared by the rules about defaults. */
public final class Defaults {

  private Defaults() {}

  /** The type problems of the field's default (none when it has no default). */
  public static List<ValueChecker.Problem> typeProblems(FieldSite site, ModelIndex model) {
    return site.field()
        .constraints()
        .defaultValue()
        .map(
            d ->
                new ValueChecker(model, site.aggregate(), false)
                    .check(d.value(), site.field().type(), "the default of " + site.phrase()))
        .orElse(List.of());
  }
}
