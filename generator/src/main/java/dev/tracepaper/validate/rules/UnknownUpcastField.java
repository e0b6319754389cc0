package dev.tracepaper.validate.rules;

import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.EventVersion;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.List;
import java.util.Optional;

/**
 * Each line of an {@code upcast} gives one field of the next version, {@code field: <CEL over
 * old>}: a name that is no field there, or an {@code upsert}/{@code remove} (which belong to {@code
 * apply}), says nothing the upcast could do.
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
          List<String> names = next.get().stream().map(Field::name).toList();
          if (!names.contains(set.field())) {
            String guess = Suggestions.didYouMean(set.field(), names);
            report.error(
                set.location(),
                "The `upcast` of %s gives `%s`, but %s has no field `%s`."
                    .formatted(UpcastPhrases.of(event, version), set.field(), into, set.field()),
                guess.isEmpty() ? "give one of the fields of " + into : guess);
          }
        }
      }
    }
  }

  private static String field(Assignment line) {
    if (line instanceof Assignment.Upsert u) {
      return u.field();
    }
    return line instanceof Assignment.Remove r ? r.field() : ((Assignment.SetValue) line).field();
  }
}
