package dev.tracepaper.validate.rules;

import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.EventVersion;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeDef;
import dev.tracepaper.model.UpcastFields;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Each line of an {@code upcast} gives one field of the next version, {@code field: <CEL over
 * old>}, or a field of a value type it holds by its dotted path ({@code shipTo.country}): a name
 * that is no field there, or an {@code upsert}/{@code remove} (which belong to {@code apply}), says
 * nothing the upcast could do.
 */
public final class UnknownUpcastField implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (Event event : model.model().events().toList()) {
      for (EventVersion version : event.versions()) {
        Optional<List<Field>> next = event.fieldsOfVersion(version.version() + 1);
        if (next.isEmpty()) {
          continue; // IncompleteEventVersions reports the missing version
        }
        String into = UpcastPhrases.next(event, version);
        for (Assignment line : version.upcast()) {
          if (!(line instanceof Assignment.SetValue set)) {
            report.error(
                line.location(),
                "The `upcast` of %s changes `%s` as `apply` does, but an upcast gives each field of %s as a value."
                    .formatted(UpcastPhrases.of(event, version), field(line), into),
                "write `%s: <CEL over old>`".formatted(field(line)));
            continue;
          }
          checkPath(model, event, version, set, next.get(), into, report);
        }
      }
    }
  }

  /**
   * Each segment of a dotted line names a field at its level: the next version's, then the fields
   * of the value type the segment before names. A line under a field another line gives whole would
   * never be used.
   */
  private static void checkPath(
      ModelIndex model,
      Event event,
      EventVersion version,
      Assignment.SetValue set,
      List<Field> next,
      String into,
      Reporter report) {
    String[] segments = set.field().split("\\.", -1);
    List<Field> level = next;
    String where = into;
    String parentPath = "";
    Optional<Aggregate> owner = model.aggregate(event.aggregate());
    for (int i = 0; i < segments.length; i++) {
      String name = segments[i];
      String path = String.join(".", Arrays.copyOfRange(segments, 0, i + 1));
      Optional<Field> field = level.stream().filter(f -> f.name().equals(name)).findFirst();
      if (field.isEmpty()) {
        List<String> names = level.stream().map(Field::name).toList();
        String guess = Suggestions.didYouMean(name, names);
        String lacks =
            i == 0
                ? "%s has no field `%s`".formatted(into, name)
                : "`%s` is %s in %s, which has no field `%s`"
                    .formatted(parentPath, where, into, name);
        report.error(
            set.location(),
            "The `upcast` of %s gives `%s`, but %s."
                .formatted(UpcastPhrases.of(event, version), set.field(), lacks),
            guess.isEmpty() ? "give one of the fields of " + (i == 0 ? into : where) : guess);
        return;
      }
      if (i == segments.length - 1) {
        return;
      }
      if (given(version, path)) {
        report.error(
            set.location(),
            "The `upcast` of %s gives `%s`, but also `%s` as a whole, which already decides it."
                .formatted(UpcastPhrases.of(event, version), set.field(), path),
            "give `%s` whole, or only its fields".formatted(path));
        return;
      }
      Optional<TypeDef> type = UpcastFields.record(model, owner, field.get().type());
      if (type.isEmpty()) {
        report.error(
            set.location(),
            "The `upcast` of %s gives `%s`, but `%s` of %s is %s, which has no fields."
                .formatted(
                    UpcastPhrases.of(event, version), set.field(), path, into, field.get().type()),
            "give `%s` itself: `%s: <CEL over old>`".formatted(path, path));
        return;
      }
      level = type.get().fields();
      where = "type `%s`".formatted(type.get().name());
      parentPath = path;
    }
  }

  private static boolean given(EventVersion version, String path) {
    return version.upcast().stream()
        .anyMatch(l -> l instanceof Assignment.SetValue s && s.field().equals(path));
  }

  private static String field(Assignment line) {
    if (line instanceof Assignment.Upsert u) {
      return u.field();
    }
    return line instanceof Assignment.Remove r ? r.field() : ((Assignment.SetValue) line).field();
  }
}
