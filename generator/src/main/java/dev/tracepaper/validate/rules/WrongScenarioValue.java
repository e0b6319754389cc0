package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.model.View;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.YamlNode;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.ScenarioSteps;
import dev.tracepaper.validate.rules.shape.ValueChecker;
import java.util.Optional;

/**
 * The values a scenario gives and expects fit their fields' types: a command's input fields, a
 * query's arguments (the key or index field's type, a text for a prefix, a whole number for {@code
 * limit}), and an expected value of a row's field or of a command's answer; a command step's {@code
 * at} is a UTC time. A value that uses a variable ({@code ${name}}) is checked when the scenario
 * runs.
 */
public final class WrongScenarioValue implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (ScenarioSteps s : ScenarioSteps.all(model)) {
      TestMoment.check(s.step().at(), s.phrase(), report);
      if (s.command().isPresent()) {
        Optional<Aggregate> owner = model.aggregate(s.command().get().aggregate());
        ValueChecker checker = new ValueChecker(model, owner, true);
        for (MappingNode.Entry entry : s.step().values().entries()) {
          s.command()
              .get()
              .field(entry.name())
              .ifPresent(f -> check(s, checker, entry.value(), f.type(), entry.name(), report));
        }
        for (MappingNode.Entry entry : s.step().expect().entries()) {
          answerType(entry.name(), entry.key().location())
              .ifPresent(t -> check(s, checker, entry.value(), t, entry.name(), report));
        }
      }
      if (s.view().isPresent() && s.query().isPresent()) {
        View view = s.view().get();
        Query query = s.query().get();
        ValueChecker checker = new ValueChecker(model, Optional.empty(), true);
        for (MappingNode.Entry entry : s.step().values().entries()) {
          argumentType(view, query, entry)
              .ifPresent(t -> check(s, checker, entry.value(), t, entry.name(), report));
        }
        for (MappingNode.Entry entry : s.step().expect().entries()) {
          String[] path = entry.name().split("\\.", -1);
          String field =
              query.kind() == Query.Kind.GET
                  ? (path.length == 1 ? path[0] : null)
                  : (path.length == 3 ? path[2] : null);
          Optional.ofNullable(field)
              .flatMap(view::field)
              .filter(f -> !f.constraints().relates())
              .ifPresent(f -> check(s, checker, entry.value(), f.type(), entry.name(), report));
        }
      }
    }
  }

  private static Optional<TypeRef> answerType(
      String path, dev.tracepaper.source.SourceLocation at) {
    return switch (path) {
      case "id", "version", "events" -> Optional.of(ScenarioSteps.answerType(path, at));
      default -> Optional.empty();
    };
  }

  private static Optional<TypeRef> argumentType(View view, Query query, MappingNode.Entry entry) {
    String name = entry.name();
    if (name.equals("limit")) {
      return Optional.of(new TypeRef("Int", false, entry.key().location()));
    }
    if (name.equals("nextToken")
        || query.prefix().map(p -> (p.value() + "Prefix").equals(name)).orElse(false)) {
      return Optional.of(new TypeRef("String", false, entry.key().location()));
    }
    boolean reads =
        query.kind() == Query.Kind.GET
            || query.index().map(i -> i.value().equals(name)).orElse(false);
    return reads ? view.field(name).map(Field::type) : Optional.empty();
  }

  private static void check(
      ScenarioSteps s,
      ValueChecker checker,
      YamlNode value,
      TypeRef type,
      String name,
      Reporter report) {
    if (usesVariable(value)) {
      return;
    }
    for (ValueChecker.Problem p : checker.check(value, type, "`%s`".formatted(name))) {
      report.error(
          p.location(), "In s%s: %s".formatted(s.phrase().substring(1), p.message()), p.hint());
    }
  }

  private static boolean usesVariable(YamlNode node) {
    if (node instanceof ScalarNode scalar) {
      return UnknownScenarioVariable.USE.matcher(scalar.value()).find();
    }
    if (node instanceof MappingNode m) {
      return m.entries().stream().anyMatch(e -> usesVariable(e.value()));
    }
    return node instanceof dev.tracepaper.source.SequenceNode seq
        && seq.items().stream().anyMatch(WrongScenarioValue::usesVariable);
  }
}
