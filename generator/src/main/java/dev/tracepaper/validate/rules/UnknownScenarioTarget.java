package dev.tracepaper.validate.rules;

import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.Scenario;
import dev.tracepaper.model.View;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.ScenarioSteps;
import java.util.List;
import java.util.Optional;

/**
 * A scenario step names what the API has: a command (by name, or {@code Aggregate.Command} where
 * two aggregates have one of that name), a query as {@code View.query}, input fields of the
 * command, arguments of the query, and paths into the answer ({@code id}, {@code version} and
 * {@code events} of a command's; a row's fields for a get; {@code items.<n>.<field>} for a list or
 * an index query).
 */
public final class UnknownScenarioTarget implements Rule {

  /** What a command's answer holds. */
  static final List<String> COMMAND_ANSWER = List.of("id", "version", "events");

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (ScenarioSteps s : ScenarioSteps.all(model)) {
      Optional<Located<String>> target = s.step().target();
      if (target.isEmpty()) {
        continue;
      }
      if (s.step().kind() == Scenario.Kind.COMMAND) {
        command(model, s, target.get(), report);
      } else {
        query(model, s, target.get(), report);
      }
    }
  }

  private static void command(
      ModelIndex model, ScenarioSteps s, Located<String> target, Reporter report) {
    List<Command> named = ScenarioSteps.commands(model, target.value());
    if (named.size() > 1) {
      report.error(
          target.location(),
          "%s runs `%s`, a command of %d aggregates (%s)."
              .formatted(
                  s.phrase(),
                  target.value(),
                  named.size(),
                  String.join(", ", named.stream().map(Command::aggregate).toList())),
          "write `%s.%s` to say which".formatted(named.get(0).aggregate(), target.value()));
      return;
    }
    if (named.isEmpty()) {
      List<String> all = model.model().commands().map(Command::name).distinct().sorted().toList();
      String last = target.value().substring(target.value().lastIndexOf('.') + 1);
      String guess = Suggestions.didYouMean(last, all);
      report.error(
          target.location(),
          "%s runs `%s`, but the model has no such command.".formatted(s.phrase(), target.value()),
          guess.isEmpty() ? "name a command of the model, such as `" + first(all) + "`" : guess);
      return;
    }
    Command command = named.get(0);
    List<String> inputs =
        command.fields().stream()
            .filter(f -> f.constraints().autoFill().isEmpty())
            .map(Field::name)
            .toList();
    for (MappingNode.Entry entry : s.step().values().entries()) {
      Optional<Field> field = command.field(entry.name());
      if (field.isPresent() && field.get().constraints().autoFill().isPresent()) {
        report.error(
            entry.key().location(),
            "%s gives `%s`, which `%s` fills in itself (autoFill: %s)."
                .formatted(
                    s.phrase(),
                    entry.name(),
                    command.name(),
                    field.get().constraints().autoFill().get().value()),
            "leave `%s` out of `input`; take it from the answer with `extract` where a later step needs it"
                .formatted(entry.name()));
      } else if (field.isEmpty()) {
        String guess = Suggestions.didYouMean(entry.name(), inputs);
        report.error(
            entry.key().location(),
            "%s gives `%s`, but command `%s` has no such input field."
                .formatted(s.phrase(), entry.name(), command.name()),
            guess.isEmpty() ? "its input fields: " + String.join(", ", inputs) : guess);
      }
    }
    paths(s, s.step().expect(), "expects", COMMAND_ANSWER, null, report);
    paths(s, s.step().extract(), "extracts", COMMAND_ANSWER, null, report);
  }

  private static void query(
      ModelIndex model, ScenarioSteps s, Located<String> target, Reporter report) {
    if (s.view().isEmpty()) {
      int dot = target.value().lastIndexOf('.');
      String view = dot > 0 ? target.value().substring(0, dot) : target.value();
      String guess = Suggestions.didYouMean(view, List.copyOf(model.viewNames()));
      report.error(
          target.location(),
          dot > 0
              ? "%s reads `%s`, but the model has no view `%s`."
                  .formatted(s.phrase(), target.value(), view)
              : "%s reads `%s`, which names no query: a query is written `View.query`."
                  .formatted(s.phrase(), target.value()),
          dot > 0 && !guess.isEmpty()
              ? guess
              : "write it as `<View>.get`, `<View>.list` or `<View>.<query>`");
      return;
    }
    View view = s.view().get();
    List<String> names = ScenarioSteps.queries(view).stream().map(Query::name).toList();
    if (s.query().isEmpty()) {
      String name = target.value().substring(target.value().lastIndexOf('.') + 1);
      String guess = Suggestions.didYouMean(name, names);
      report.error(
          target.location(),
          "%s reads `%s`, but view `%s` has no query `%s`: it has %s."
              .formatted(s.phrase(), target.value(), view.name(), name, String.join(", ", names)),
          guess.isEmpty() ? "name one of its queries" : guess);
      return;
    }
    Query query = s.query().get();
    List<String> arguments = ScenarioSteps.arguments(model, view, query);
    for (MappingNode.Entry entry : s.step().values().entries()) {
      if (!arguments.contains(entry.name())) {
        String guess = Suggestions.didYouMean(entry.name(), arguments);
        report.error(
            entry.key().location(),
            "%s gives `%s`, but the query `%s.%s` takes no such argument."
                .formatted(s.phrase(), entry.name(), view.name(), query.name()),
            guess.isEmpty() ? "its arguments: " + String.join(", ", arguments) : guess);
      }
    }
    List<String> fields = ScenarioSteps.rowFields(view);
    List<String> top = query.kind() == Query.Kind.GET ? fields : List.of("items");
    List<String> rowFields = query.kind() == Query.Kind.GET ? null : fields;
    paths(s, s.step().expect(), "expects", top, rowFields, report);
    paths(s, s.step().extract(), "extracts", top, rowFields, report);
  }

  /**
   * Paths of an answer: the first name one of {@code top}; after {@code items.<n>}, a name one of
   * {@code rowFields}. {@code extract} maps a variable to a path; {@code expect} has paths as keys.
   */
  private static void paths(
      ScenarioSteps s,
      MappingNode paths,
      String verb,
      List<String> top,
      List<String> rowFields,
      Reporter report) {
    for (MappingNode.Entry entry : paths.entries()) {
      boolean extract = verb.equals("extracts");
      if (extract && !(entry.value() instanceof ScalarNode)) {
        continue;
      }
      String path = extract ? ((ScalarNode) entry.value()).value() : entry.name();
      var where = extract ? entry.value().location() : entry.key().location();
      String[] segments = path.split("\\.", -1);
      String problem = null;
      List<String> expected = top;
      if (!top.contains(segments[0])) {
        problem = "`%s`".formatted(segments[0]);
      } else if (rowFields != null && segments.length > 1 && !segments[1].matches("[0-9]+")) {
        problem = "`%s` after `items`, which is a list (`items.0`)".formatted(segments[1]);
        expected = List.of();
      } else if (rowFields != null && segments.length > 2 && !rowFields.contains(segments[2])) {
        problem = "`%s`, not a field of the rows".formatted(segments[2]);
        expected = rowFields;
      }
      if (problem != null) {
        String guess =
            expected.isEmpty()
                ? ""
                : Suggestions.didYouMean(
                    segments[segments.length > 2 && expected == rowFields ? 2 : 0], expected);
        report.error(
            where,
            "%s %s the path `%s` of the answer, which has no %s."
                .formatted(s.phrase(), verb, path, problem),
            hint(guess, expected, rowFields));
      }
    }
  }

  private static String hint(String guess, List<String> expected, List<String> rowFields) {
    if (!guess.isEmpty()) {
      return guess;
    }
    if (!expected.isEmpty()) {
      return "the answer holds " + String.join(", ", expected);
    }
    // A path into `items` that is no position, or an answer with nothing to name (a view of
    // relations only).
    return rowFields == null || rowFields.isEmpty()
        ? "the view's rows hold no field a scenario can name (relations are not resolved)"
        : "write `items.<position>.<field>`, such as `items.0.%s`".formatted(rowFields.get(0));
  }

  private static String first(List<String> names) {
    return names.isEmpty() ? "" : names.get(0);
  }
}
