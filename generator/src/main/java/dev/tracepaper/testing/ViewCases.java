package dev.tracepaper.testing;

import dev.tracepaper.engine.Caller;
import dev.tracepaper.engine.Engine;
import dev.tracepaper.engine.StoredEvent;
import dev.tracepaper.engine.YamlJson;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.View;
import dev.tracepaper.model.ViewTest;
import dev.tracepaper.source.MappingNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a view's given/then cases on the engine, as the generated projection tests do (runtime
 * testing's {@code ViewScenario}, fed by render.build's ViewTestCode): each given event is stored
 * in the stream of the instance its key field names (else the one of its aggregate given before,
 * else {@value ViewTest#DEFAULT_KEY}) and projected; then the view holds exactly the expected rows,
 * each named field equal, and delivering the history again, or newest first, changes no row.
 */
final class ViewCases {

  private final ModelIndex index;
  private final Engine prepared;
  private final YamlJson yaml;

  ViewCases(ModelIndex index, Engine prepared) {
    this.index = index;
    this.prepared = prepared;
    this.yaml = new YamlJson(index);
  }

  private Aggregate aggregate(ViewTest.GivenEvent given) {
    return index.aggregate(index.event(given.event()).orElseThrow().aggregate()).orElseThrow();
  }

  void run(View view, ViewTest test, List<TestResult.Mismatch> mismatches) {
    Engine engine = prepared.fresh();
    Caller tester = new Caller(FlowCases.DEFAULT_CALLER, FlowCases.DEFAULT_CALLER, List.of());
    List<String> keys = test.instanceKeys(this::aggregate);
    List<StoredEvent> history = new ArrayList<>();
    for (int i = 0; i < test.given().size(); i++) {
      ViewTest.GivenEvent g = test.given().get(i);
      Event event = index.event(g.event()).orElseThrow();
      Aggregate aggregate = aggregate(g);
      ObjectNode json = yaml.object(g.fields(), event.fields(), Optional.of(aggregate), false);
      String key = keys.get(i);
      StoredEvent stored = engine.record(aggregate.name(), key, event.name(), json, tester);
      history.add(stored);
      engine.project(view, stored);
    }
    Map<String, ObjectNode> rows = engine.views().rows(view.name());
    rows(view, test, rows, mismatches);
    history.forEach(e -> engine.project(view, e));
    List<StoredEvent> reversed = new ArrayList<>(history);
    Collections.reverse(reversed);
    reversed.forEach(e -> engine.project(view, e));
    if (!rows.equals(engine.views().rows(view.name()))) {
      mismatches.add(
          new TestResult.Mismatch(
              "the rows after the events were delivered again",
              "unchanged",
              "changed",
              test.location()));
    }
  }

  private void rows(
      View view,
      ViewTest test,
      Map<String, ObjectNode> rows,
      List<TestResult.Mismatch> mismatches) {
    if (test.rows().isEmpty()) {
      return;
    }
    String keyField = index.viewKey(view).orElseThrow();
    List<Field> stored = view.fields().stream().filter(f -> !f.constraints().relates()).toList();
    Optional<Aggregate> source = view.from().flatMap(f -> index.aggregate(f.value()));
    Map<String, ObjectNode> wanted = new TreeMap<>();
    Map<String, MappingNode> written = new HashMap<>();
    for (MappingNode row : test.rows().get()) {
      ObjectNode json = yaml.object(row, stored, source, false);
      JsonNode key = json.get(keyField);
      String text = key == null ? "" : key.asString();
      wanted.put(text, json);
      written.put(text, row);
    }
    if (!rows.keySet().equals(wanted.keySet())) {
      mismatches.add(
          new TestResult.Mismatch(
              "the rows of " + view.name() + " (by " + keyField + ")",
              keys(wanted.keySet()),
              keys(rows.keySet()),
              test.thenLocation()));
      return;
    }
    wanted.forEach(
        (key, row) ->
            Expectations.fields(
                "row " + key + " of " + view.name(),
                row,
                rows.get(key),
                written.get(key),
                mismatches));
  }

  private static String keys(java.util.Collection<String> keys) {
    return keys.isEmpty() ? "no rows" : String.join(", ", keys);
  }
}
