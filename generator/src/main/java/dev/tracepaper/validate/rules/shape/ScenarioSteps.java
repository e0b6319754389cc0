package dev.tracepaper.validate.rules.shape;

import dev.tracepaper.model.Command;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.Scenario;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.model.View;
import dev.tracepaper.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The steps of the model's scenarios with what they name resolved: the command a step runs, or the
 * view and query it reads. Shared by the scenario rules, so that each says one thing.
 *
 * @param command the command of a {@code command} step, when it names exactly one
 * @param view the view of a {@code query} step, when it names one
 * @param query the query of a {@code query} step, when its view has it
 */
public record ScenarioSteps(
    Scenario scenario,
    Scenario.Step step,
    int number,
    Optional<Command> command,
    Optional<View> view,
    Optional<Query> query) {

  /** Every step of every scenario, in order. */
  public static List<ScenarioSteps> all(ModelIndex model) {
    return model.derived(ScenarioSteps.class, ScenarioSteps::resolve);
  }

  private static List<ScenarioSteps> resolve(ModelIndex model) {
    List<ScenarioSteps> all = new ArrayList<>();
    for (Scenario scenario : model.model().scenarios()) {
      int number = 1;
      for (Scenario.Step step : scenario.steps()) {
        Optional<Command> command = Optional.empty();
        Optional<View> view = Optional.empty();
        Optional<Query> query = Optional.empty();
        if (step.kind() == Scenario.Kind.COMMAND && step.target().isPresent()) {
          List<Command> named = commands(model, step.target().get().value());
          command = named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
        } else if (step.kind() == Scenario.Kind.QUERY && step.target().isPresent()) {
          String target = step.target().get().value();
          int dot = target.lastIndexOf('.');
          if (dot > 0) {
            view = model.view(target.substring(0, dot));
            String name = target.substring(dot + 1);
            query =
                view.flatMap(
                    v -> queries(v).stream().filter(q -> q.name().equals(name)).findFirst());
          }
        }
        all.add(new ScenarioSteps(scenario, step, number++, command, view, query));
      }
    }
    return List.copyOf(all);
  }

  /** The commands {@code Command} or {@code Aggregate.Command} names. */
  public static List<Command> commands(ModelIndex model, String target) {
    int dot = target.indexOf('.');
    if (dot > 0) {
      return model
          .aggregate(target.substring(0, dot))
          .flatMap(
              a ->
                  a.commands().stream()
                      .filter(c -> c.name().equals(target.substring(dot + 1)))
                      .findFirst())
          .map(List::of)
          .orElse(List.of());
    }
    return model.model().commands().filter(c -> c.name().equals(target)).toList();
  }

  /**
   * The type of a path of a command's answer, GraphQL's {@code CommandResult}: {@code version} a
   * whole number, {@code events} the names of the events the command appended, anything else
   * ({@code id}, {@code events.0}) a text.
   */
  public static TypeRef answerType(String path, SourceLocation at) {
    return switch (path) {
      case "version" -> new TypeRef("Int", false, at);
      case "events" -> new TypeRef("String", true, at);
      default -> new TypeRef("String", false, at);
    };
  }

  /** The queries of a view: those it names, else {@code get} and {@code list}. */
  public static List<Query> queries(View view) {
    return view.queries()
        .orElse(
            List.of(
                new Query(
                    "get",
                    Query.Kind.GET,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    view.location()),
                new Query(
                    "list",
                    Query.Kind.LIST,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    view.location())));
  }

  /**
   * The arguments a query takes: its view's key (get), its index field and prefix argument (an
   * index query), and the paging arguments of a list or index query.
   */
  public static List<String> arguments(ModelIndex model, View view, Query query) {
    List<String> arguments = new ArrayList<>();
    switch (query.kind()) {
      case GET -> model.viewKey(view).ifPresent(arguments::add);
      case LIST -> arguments.addAll(List.of("limit", "nextToken"));
      case INDEX -> {
        query.index().ifPresent(i -> arguments.add(i.value()));
        query.prefix().ifPresent(p -> arguments.add(p.value() + "Prefix"));
        arguments.addAll(List.of("limit", "nextToken"));
      }
    }
    return arguments;
  }

  /** The fields of the view's rows, relations left out (they are not resolved in scenarios). */
  public static List<String> rowFields(View view) {
    return view.fields().stream().filter(f -> !f.constraints().relates()).map(Field::name).toList();
  }

  /** How the step is named in a message: {@code step 2 of scenario `Onboarding`}. */
  public String phrase() {
    return "Step %d of scenario `%s`".formatted(number, scenario.name());
  }
}
