package dev.tracepaper.validate.rules;

import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Scenario;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.SequenceNode;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.source.YamlNode;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scenario's {@code ${name}} names a variable an earlier step set ({@code set}) or took from an
 * answer ({@code extract}); a variable's name is an identifier. Variables belong to their scenario:
 * each scenario starts with none.
 */
public final class UnknownScenarioVariable implements Rule {

  /** A use of a variable in a value. */
  public static final Pattern USE = Pattern.compile("\\$\\{([^}]*)}");

  /** What a variable may be called. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (Scenario scenario : model.model().scenarios()) {
      Set<String> known = new LinkedHashSet<>();
      int number = 1;
      for (Scenario.Step step : scenario.steps()) {
        String phrase = "Step %d of scenario `%s`".formatted(number++, scenario.name());
        if (step.kind() == Scenario.Kind.SET) {
          for (MappingNode.Entry entry : step.values().entries()) {
            uses(entry.value(), known, phrase, report);
            define(entry.name(), entry.key().location(), phrase, known, report);
          }
          continue;
        }
        uses(step.values(), known, phrase, report);
        for (MappingNode.Entry entry : step.expect().entries()) {
          uses(entry.value(), known, phrase, report);
        }
        for (MappingNode.Entry entry : step.extract().entries()) {
          define(entry.name(), entry.key().location(), phrase, known, report);
        }
      }
    }
  }

  private static void define(
      String name, SourceLocation where, String phrase, Set<String> known, Reporter report) {
    if (!NAME.matcher(name).matches()) {
      report.error(
          where,
          "%s names a variable `%s`; a variable's name is a letter or `_`, then letters, digits or `_`."
              .formatted(phrase, name),
          "call it, for example, `%s`"
              .formatted(name.replaceAll("[^A-Za-z0-9_]", "_").replaceFirst("^([0-9])", "_$1")));
      return;
    }
    known.add(name);
  }

  private static void uses(YamlNode node, Set<String> known, String phrase, Reporter report) {
    if (node instanceof MappingNode m) {
      m.entries().forEach(e -> uses(e.value(), known, phrase, report));
    } else if (node instanceof SequenceNode s) {
      s.items().forEach(i -> uses(i, known, phrase, report));
    } else if (node instanceof ScalarNode scalar && !scalar.isNull()) {
      Matcher use = USE.matcher(scalar.value());
      while (use.find()) {
        String name = use.group(1);
        if (known.contains(name)) {
          continue;
        }
        List<String> names = new ArrayList<>(known);
        String guess = Suggestions.didYouMean(name, names);
        report.error(
            scalar.location(),
            "%s uses `${%s}`, but no earlier step of the scenario sets it.".formatted(phrase, name),
            !guess.isEmpty()
                ? guess
                : "set it in an earlier step (`- set: {%s: <value>}`) or take it from an answer (`extract: {%s: <path>}`)"
                    .formatted(name, name));
      }
    }
  }
}
