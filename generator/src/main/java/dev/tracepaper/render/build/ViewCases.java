package dev.tracepaper.render.build;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.View;
import dev.tracepaper.naming.JavaNames;
import dev.tracepaper.render.data.AggregateData;
import dev.tracepaper.render.data.FlowData;
import dev.tracepaper.render.data.TestData;
import dev.tracepaper.render.data.ViewCase;
import dev.tracepaper.render.data.ViewData;
import dev.tracepaper.render.data.ViewTestData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which cases of the model each view's test replays: every case with past events of which the view
 * handles at least one, so that no generated view test passes without projecting; and the view's
 * own cases, whose methods share the class.
 */
final class ViewCases {

  private ViewCases() {}

  static List<ViewData> withCases(
      List<ViewData> views,
      List<AggregateData> aggregates,
      JavaNames names,
      ModelIndex index,
      ViewTestCode viewTests) {
    List<ViewData> withCases = new ArrayList<>();
    for (ViewData view : views) {
      List<ViewCase> cases = new ArrayList<>();
      Set<String> methods = new HashSet<>();
      Set<List<Object>> histories = new HashSet<>();
      for (AggregateData aggregate : aggregates) {
        List<FlowData> flows =
            Stream.concat(
                    aggregate.commands().stream().map(c -> c.flow()),
                    // an event of a command's `on` runs the command's flow, listed already
                    aggregate.policies().stream()
                        .filter(p -> p.runs().isEmpty())
                        .map(p -> p.flow()))
                .toList();
        for (FlowData flow : flows) {
          for (TestData test : flow.tests()) {
            // A past of older versions is proved by the flow's own test, which reads it through
            // the upcasts; the view's check replays current events.
            if (test.givenEvents().isEmpty()
                || test.givenEvents().stream().anyMatch(TestData.EventJson::asStored)
                || test.givenEvents().stream()
                    .noneMatch(e -> handles(view, aggregate.name(), e.type()))) {
              continue;
            }
            if (!histories.add(List.of(aggregate.name(), test.key(), test.givenEvents()))) {
              continue; // another case had the same past: replaying it again checks nothing new
            }
            String method = test.method();
            for (int n = 2; !methods.add(method); n++) {
              method = test.method() + n;
            }
            cases.add(
                new ViewCase(
                    test.name(),
                    flow.name(),
                    method,
                    aggregate.aggregateClass(),
                    names.aggregateType(aggregate.name()).qualified(),
                    test.key(),
                    test.givenEvents()));
          }
        }
      }
      View model = index.view(view.name()).orElseThrow();
      List<ViewTestData> tests = viewTests.of(model, methods);
      withCases.add(
          new ViewData(
              view.name(),
              view.javaClass(),
              view.projectionClass(),
              view.javaPackage(),
              view.keyField(),
              view.keyMember(),
              view.tableSuffix(),
              view.tableLogicalId(),
              view.tableVariable(),
              view.dataSourceLogicalId(),
              view.generations(),
              view.connectionType(),
              view.retentionDays(),
              view.directives(),
              view.fields(),
              view.emptyRow(),
              view.from(),
              view.handlers(),
              view.queries(),
              view.relations(),
              view.computed(),
              cases,
              tests,
              Stream.concat(
                      cases.stream().map(ViewCase::aggregateQualified),
                      viewTests.imports(model).stream())
                  .distinct()
                  .sorted()
                  .toList(),
              view.indexes(),
              view.imports(),
              view.projectionImports(),
              view.description(),
              view.element(),
              view.custom(),
              view.subscription()));
    }
    return withCases;
  }

  private static boolean handles(ViewData view, String aggregate, String eventType) {
    if (!view.from().isEmpty()) {
      return view.from().get(0).aggregate().equals(aggregate);
    }
    return view.handlers().stream()
        .anyMatch(h -> h.aggregate().equals(aggregate) && h.eventType().equals(eventType));
  }
}
