package dev.tracepaper.render.build;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.View;
import dev.tracepaper.model.ViewTest;
import dev.tracepaper.naming.JavaNames;
import dev.tracepaper.render.data.ViewTestData;
import dev.tracepaper.source.ScalarNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * A view's own cases as test data. Each given event belongs to the instance of its aggregate that
 * its key field names; an event that does not name it continues the instance of the same aggregate
 * given before it (or {@value #DEFAULT_KEY} for the first).
 */
final class ViewTestCode {

  static final String DEFAULT_KEY = "test-instance";

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
      Map<String, String> lastKey = new HashMap<>();
      List<ViewTestData.Given> given = new ArrayList<>();
      for (ViewTest.GivenEvent g : test.given()) {
        Event event = index.event(g.event()).orElseThrow();
        Aggregate aggregate = index.aggregate(event.aggregate()).orElseThrow();
        ObjectNode json = values.object(g.fields(), event.fields(), Optional.of(aggregate));
        TestCode.completeNumbers(json, event.fields());
        String key =
            aggregate
                .key()
                .map(Located::value)
                .flatMap(k -> g.fields().get(k))
                .filter(ScalarNode.class::isInstance)
                .map(n -> ((ScalarNode) n).value())
                .orElseGet(() -> lastKey.getOrDefault(aggregate.name(), DEFAULT_KEY));
        lastKey.put(aggregate.name(), key);
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
