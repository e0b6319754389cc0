package dev.tracepaper.render.build;

import dev.tracepaper.engine.YamlJson;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.View;
import dev.tracepaper.model.ViewTest;
import dev.tracepaper.naming.JavaNames;
import dev.tracepaper.render.data.ViewTestData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * A view's own cases as test data. Each given event belongs to the instance of its aggregate that
 * its key field names; an event that does not name it continues the instance of the same aggregate
 * given before it (or {@value ViewTest#DEFAULT_KEY} for the first).
 */
final class ViewTestCode {

  private final ModelIndex index;
  private final JavaNames names;
  private final TestCode values;

  ViewTestCode(ModelIndex index, JavaNames names, TestCode values) {
    this.index = index;
    this.names = names;
    this.values = values;
  }

  /** The cases of {@code view}; method names avoid {@code taken}, the class's other methods. */
  List<ViewTestData> of(View view, Set<String> taken) {
    Set<String> methods = new HashSet<>(taken);
    List<Field> stored =
        view.fields().stream()
            .filter(f -> f.constraints().ref().isEmpty() && f.constraints().by().isEmpty())
            .toList();
    Optional<Aggregate> source = view.from().flatMap(f -> index.aggregate(f.value()));
    List<ViewTestData> tests = new ArrayList<>();
    for (ViewTest test : view.tests()) {
      List<String> keys = test.instanceKeys(this::aggregate);
      List<ViewTestData.Given> given = new ArrayList<>();
      for (int i = 0; i < test.given().size(); i++) {
        ViewTest.GivenEvent g = test.given().get(i);
        Event event = index.event(g.event()).orElseThrow();
        Aggregate aggregate = aggregate(g);
        ObjectNode json = values.object(g.fields(), event.fields(), Optional.of(aggregate));
        YamlJson.completeNumbers(json, event.fields());
        String key = keys.get(i);
        given.add(
            new ViewTestData.Given(
                names.aggregateType(aggregate.name()).simpleName(),
                key,
                event.name(),
                TestCode.write(json)));
      }
      List<String> rows =
          test.rows().orElse(List.of()).stream()
              .map(r -> TestCode.write(values.object(r, stored, source)))
              .toList();
      tests.add(new ViewTestData(test.name(), TestCode.method(test.name(), methods), given, rows));
    }
    return tests;
  }

  private Aggregate aggregate(ViewTest.GivenEvent given) {
    return index.aggregate(index.event(given.event()).orElseThrow().aggregate()).orElseThrow();
  }

  /** The aggregate descriptions the cases of {@code view} name, fully qualified. */
  List<String> imports(View view) {
    return view.tests().stream()
        .flatMap(t -> t.given().stream())
        .map(g -> index.event(g.event()).orElseThrow().aggregate())
        .map(a -> names.aggregateType(a).qualified())
        .distinct()
        .toList();
  }
}
