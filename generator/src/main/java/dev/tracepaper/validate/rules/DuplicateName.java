package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.HashMap;
import java.util.Map;

/**
 * A name defined twice in its kind: aggregates, views, types, enums and patterns, and also events,
 * commands, policies and entities, are unique across the whole model, whichever file defines them;
 * enum values are unique in their enum and roles in {@code app.auth.roles}. The second definition
 * is reported, naming the first. (A duplicate {@code app} section is reported while reading.)
 */
public final class DuplicateName implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    Map<String, NamedElement> firstDefinitions = new HashMap<>();
    for (NamedElement e : NamedElements.of(model)) {
      if (e.duplicate()) {
        NamedElement first = firstDefinitions.get(NamedElements.uniquenessKey(e));
        if (first != null) {
          report(e, first, report);
        }
      } else if (!e.shadowed()) {
        firstDefinitions.putIfAbsent(NamedElements.uniquenessKey(e), e);
      }
    }
  }

  private static void report(NamedElement duplicate, NamedElement first, Reporter report) {
    String name = duplicate.name();
    switch (duplicate.kind()) {
      case ENUM_VALUE ->
          report.error(
              duplicate.location(),
              "%s lists the value `%s` twice; it was first listed at %s."
                  .formatted(ownerOf(duplicate), name, first.location()),
              "remove one of them",
              first.location());
      case ROLE ->
          report.error(
              duplicate.location(),
              "The role `%s` is listed twice in `app.auth.roles`; it was first listed at %s."
                  .formatted(name, first.location()),
              "remove one of them",
              first.location());
      case EVENT, COMMAND, POLICY, ENTITY ->
          report.error(
              duplicate.location(),
              "%s is defined twice, in %s and in %s; it was first defined at %s."
                  .formatted(
                      duplicate.describeCapitalized(),
                      aggregateOf(first),
                      aggregateOf(duplicate),
                      first.location()),
              "rename one of them: %s names are unique across the whole model"
                  .formatted(duplicate.kind().label),
              first.location());
      default ->
          report.error(
              duplicate.location(),
              "%s is defined twice; it was first defined at %s."
                  .formatted(duplicate.describeCapitalized(), first.location()),
              "keep one definition, in one file, or rename one of them",
              first.location());
    }
  }

  private static String ownerOf(NamedElement value) {
    return value.owner().map(NamedElement::describeCapitalized).orElse("The enum");
  }

  private static String aggregateOf(NamedElement element) {
    return "aggregate `" + element.aggregate().orElse("?") + "`";
  }
}
