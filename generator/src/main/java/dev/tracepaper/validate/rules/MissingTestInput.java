package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Command;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.Phrases;
import dev.tracepaper.validate.rules.shape.TestSite;
import java.util.List;

/**
 * A test's {@code when} is the command's input: without a required field the command fails with
 * {@code VALIDATION} before any behaviour runs, which is surely not what the test means.
 */
public final class MissingTestInput implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (TestSite site : TestSite.all(model)) {
      // A case run by a trigger gives the event, whose fields may be left out (as a policy's).
      if (!(site.flow().flow() instanceof Command command)
          || site.test().on().isPresent()
          || site.test().then().error().filter(e -> e.value().equals("VALIDATION")).isPresent()) {
        continue;
      }
      List<String> missing =
          command.fields().stream()
              .filter(f -> f.isRequired(true))
              .map(Field::name)
              .filter(n -> site.test().when().flatMap(w -> w.get(n)).isEmpty())
              .toList();
      if (missing.isEmpty()) {
        continue;
      }
      SourceLocation where =
          site.test().when().map(w -> w.location()).orElse(site.test().location());
      report.error(
          where,
          "%s does not give %s in `when`, but command `%s` requires %s."
              .formatted(
                  site.phrase(),
                  Phrases.names(missing),
                  command.name(),
                  missing.size() == 1 ? "it" : "them"),
          "add %s to `when`, or give the field a default"
              .formatted(Phrases.names(missing.stream().map(n -> n + ": <value>").toList())));
    }
  }
}
