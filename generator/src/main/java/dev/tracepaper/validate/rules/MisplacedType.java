package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.FieldSite;
import dev.tracepaper.validate.rules.shape.FieldSites;

/**
 * A field's type exists but may not stand where the field is: an entity outside its own aggregate,
 * or a view anywhere but among a view's fields.
 */
public final class MisplacedType implements Rule {

  @Override
  public void check(ModelIndex index, Reporter report) {
    for (FieldSite site : FieldSites.all(index)) {
      TypeUses.Verdict verdict = TypeUses.judge(index, site);
      if (verdict instanceof TypeUses.EntityElsewhere elsewhere) {
        entityElsewhere(site, elsewhere, report);
      } else if (verdict instanceof TypeUses.ViewOutsideView) {
        TypeRef type = site.field().type();
        report.error(
            type.location(),
            "%s has type `%s`, which is a view; only the fields of a view can refer to a view."
                .formatted(Words.capital(site.phrase()), type),
            "hold the view's key instead (such as a `String`)",
            index.view(type.name()).orElseThrow().location());
      }
    }
  }

  private static void entityElsewhere(
      FieldSite site, TypeUses.EntityElsewhere elsewhere, Reporter report) {
    TypeRef type = site.field().type();
    String move = "move `%s` to `types:` to use it anywhere".formatted(type.name());
    report.error(
        type.location(),
        "%s has type `%s`, an entity of aggregate `%s`; an entity can only be used inside its own"
                .formatted(Words.capital(site.phrase()), type, elsewhere.owner().name())
            + " aggregate.",
        site.holder() == FieldSite.Holder.VIEW
            ? "a view can use only the entities of the aggregate it is kept `from`; or " + move
            : move,
        elsewhere.owner().entity(type.name()).orElseThrow().location());
  }
}
