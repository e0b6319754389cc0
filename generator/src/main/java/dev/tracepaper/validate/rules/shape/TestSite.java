package dev.tracepaper.validate.rules.shape;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TestCase;
import dev.tracepaper.source.MappingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A test case with its flow, and the mappings of field values it holds. */
public record TestSite(FlowSite flow, TestCase test) {

  /** Where in a test a mapping of values stands. */
  public enum Part {
    WHEN,
    GIVEN_EVENT,
    GIVEN_STATE,
    /** The state of another instance ({@code others}). */
    OTHER_STATE,
    THEN_EVENT,
    THEN_STATE,
    /** A row a view's test expects. */
    THEN_ROW
  }

  /**
   * Values written in a test for the fields of {@code owner} ("command `LendBook`", "event
   * `BookLent`", "aggregate `Book`"); {@code typeOwner} resolves entity types.
   */
  public record Values(
      MappingNode values,
      List<Field> fields,
      String owner,
      Part part,
      String element,
      Optional<Aggregate> typeOwner) {}

  /** Every site of the model, collected once per model for all the rules that walk them. */
  public static List<TestSite> all(ModelIndex index) {
    return index.derived(TestSite.class, i -> List.copyOf(computeAll(i)));
  }

  private static List<TestSite> computeAll(ModelIndex index) {
    List<TestSite> sites = new ArrayList<>();
    for (FlowSite flow : FlowSite.all(index)) {
      flow.flow().tests().forEach(t -> sites.add(new TestSite(flow, t)));
    }
    return sites;
  }

  /** "Test `lends a copy` of command `LendBook`" */
  public String phrase() {
    return "Test `%s` of %s".formatted(test.name(), flow.phrase());
  }

  /** Every mapping of values whose fields are known. */
  public List<Values> values(ModelIndex index) {
    List<Values> all = new ArrayList<>();
    Aggregate aggregate = flow.aggregate();
    Optional<Aggregate> own = Optional.of(aggregate);
    test.when().ifPresent(w -> when(w, index).ifPresent(all::add));
    for (TestCase.Given given : test.given()) {
      if (given instanceof TestCase.GivenEvent g && g.version().isPresent()) {
        int version = g.version().get();
        storedAs(aggregate, g.event())
            .ifPresent(
                e ->
                    e.fieldsOfVersion(version)
                        .ifPresent(
                            fields ->
                                all.add(
                                    new Values(
                                        g.fields(),
                                        fields,
                                        "version %d of %s".formatted(version, Phrases.event(e)),
                                        Part.GIVEN_EVENT,
                                        g.event() + "@" + version,
                                        own))));
      } else if (given instanceof TestCase.GivenEvent g) {
        aggregate
            .event(g.event())
            .ifPresent(e -> all.add(eventValues(g.fields(), e, Part.GIVEN_EVENT, own)));
      } else if (given instanceof TestCase.GivenState s) {
        all.add(stateValues(s.state(), Part.GIVEN_STATE));
      }
    }
    test.others().forEach(o -> all.add(stateValues(o, Part.OTHER_STATE)));
    for (TestCase.ExpectedEvent expected : test.then().events().orElse(List.of())) {
      aggregate
          .event(expected.event())
          .ifPresent(e -> all.add(eventValues(expected.fields(), e, Part.THEN_EVENT, own)));
    }
    test.then().state().ifPresent(s -> all.add(stateValues(s, Part.THEN_STATE)));
    return all;
  }

  /**
   * The event of {@code aggregate} that events stored under {@code name} read as: its own name, or
   * one it was {@code renamedFrom}.
   */
  public static Optional<Event> storedAs(Aggregate aggregate, String name) {
    return aggregate.events().stream().filter(e -> e.storedNames().contains(name)).findFirst();
  }

  private Optional<Values> when(MappingNode when, ModelIndex index) {
    if (test.on().isPresent()) {
      // A command's case run by an event of its `on`: `when` is that event.
      return index.event(test.on().get()).map(e -> triggering(when, e, index));
    }
    if (flow.isCommand()) {
      return Optional.of(
          new Values(
              when,
              flow.input().orElseThrow(),
              flow.phrase(),
              Part.WHEN,
              flow.flow().name(),
              Optional.of(flow.aggregate())));
    }
    return flow.trigger().map(e -> triggering(when, e, index));
  }

  private static Values triggering(MappingNode when, Event event, ModelIndex index) {
    return new Values(
        when,
        event.fields(),
        "its triggering event `%s`".formatted(event.name()),
        Part.WHEN,
        event.name(),
        index.aggregate(event.aggregate()));
  }

  private static Values eventValues(
      MappingNode values, Event event, Part part, Optional<Aggregate> owner) {
    return new Values(values, event.fields(), Phrases.event(event), part, event.name(), owner);
  }

  private Values stateValues(MappingNode values, Part part) {
    Aggregate a = flow.aggregate();
    return new Values(values, a.fields(), Phrases.aggregate(a), part, a.name(), Optional.of(a));
  }
}
