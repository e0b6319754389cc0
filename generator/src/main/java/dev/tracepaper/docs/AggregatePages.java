package dev.tracepaper.docs;

import dev.tracepaper.docs.Pages.AggregatePage;
import dev.tracepaper.docs.Pages.EventEntry;
import dev.tracepaper.docs.Pages.FlowEntry;
import dev.tracepaper.docs.Pages.LifecycleEntry;
import dev.tracepaper.docs.Pages.Link;
import dev.tracepaper.docs.Pages.RuleEntry;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.BusinessRule;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Creation;
import dev.tracepaper.model.Emit;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Flow;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Policy;
import dev.tracepaper.model.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The page of one aggregate: its flow, state and lifecycle, events, commands and policies. */
final class AggregatePages {

  private final ModelIndex index;
  private final FieldRows fields;
  private final String defaultAuth;

  AggregatePages(ModelIndex index) {
    this.index = index;
    this.fields = new FieldRows(index, "../");
    this.defaultAuth =
        FieldRows.auth(
            index.model().app().flatMap(a -> a.auth().defaultAuth()), "any signed-in user");
  }

  AggregatePage page(Aggregate aggregate) {
    Diagram flow = FlowDiagrams.of(index, aggregate);
    List<LifecycleEntry> lifecycles = new ArrayList<>();
    for (Lifecycles.Lifecycle lifecycle : Lifecycles.of(index, aggregate)) {
      lifecycles.add(
          new LifecycleEntry(
              lifecycle.field(),
              lifecycle.enumName(),
              SvgDiagram.render(lifecycle.diagram(), "lifecycle-" + lifecycle.field()),
              MermaidDiagram.render(lifecycle.diagram()),
              lifecycle.moves()));
    }
    Optional<Aggregate> owner = Optional.of(aggregate);
    return new AggregatePage(
        aggregate.name(),
        aggregate.name() + ".html",
        aggregate.subdomain().map(Located::value).orElse(""),
        aggregate.description().orElse(""),
        aggregate.key().map(Located::value).orElse(""),
        fields.rows(aggregate.fields(), owner, false),
        aggregate.entities().stream()
            .map(
                e ->
                    new Pages.EntityEntry(
                        e.name(),
                        e.description().orElse(""),
                        fields.rows(e.fields(), owner, false)))
            .toList(),
        SvgDiagram.render(flow, "flow"),
        MermaidDiagram.render(flow),
        Pages.Chip.legend(flow),
        lifecycles,
        aggregate.events().stream().map(e -> event(e, owner)).toList(),
        aggregate.commands().stream().map(c -> command(aggregate, c)).toList(),
        aggregate.policies().stream().map(p -> policy(aggregate, p)).toList(),
        views(aggregate));
  }

  private EventEntry event(Event event, Optional<Aggregate> owner) {
    List<String> applies = new ArrayList<>();
    for (Assignment assignment : event.apply()) {
      applies.add(assignment(assignment));
    }
    List<String> notes = new ArrayList<>();
    if (event.currentVersion() > 1) {
      notes.add("version " + event.currentVersion());
    }
    if (!event.renamedFrom().isEmpty()) {
      notes.add(
          "formerly "
              + event.renamedFrom().stream().map(Located::value).collect(Collectors.joining(", ")));
    }
    if (event.isRetired()) {
      notes.add("retired: still read, never recorded again");
    }
    if (event.endsInstance()) {
      notes.add("ends the " + event.aggregate());
    }
    return new EventEntry(
        event.name(),
        event.description().orElse(""),
        fields.rows(event.fields(), owner, false),
        applies,
        notes);
  }

  private static String assignment(Assignment assignment) {
    if (assignment instanceof Assignment.SetValue set) {
      return set.field() + " becomes " + set.value().text();
    }
    if (assignment instanceof Assignment.Upsert upsert) {
      return upsert.field()
          + ": adds or changes the item "
          + upsert.key().text()
          + upsert.with().stream()
              .map(w -> w.field() + " = " + w.value().text())
              .collect(Collectors.joining(", ", " with ", ""));
    }
    return assignment.field() + ": removes an item";
  }

  private FlowEntry command(Aggregate aggregate, Command command) {
    List<String> startedBy = new ArrayList<>();
    startedBy.add("the API");
    for (Trigger trigger : command.triggers()) {
      startedBy.add("the event " + trigger.on());
    }
    return flow(
        aggregate,
        command,
        String.join(" and ", startedBy),
        FieldRows.auth(command.auth(), defaultAuth),
        fields.rows(command.fields(), Optional.of(aggregate), true));
  }

  private FlowEntry policy(Aggregate aggregate, Policy policy) {
    return flow(aggregate, policy, "the event " + policy.on(), "the system (no caller)", List.of());
  }

  private FlowEntry flow(
      Aggregate aggregate, Flow flow, String startedBy, String auth, List<Pages.FieldRow> input) {
    List<RuleEntry> rules = new ArrayList<>();
    for (BusinessRule rule : flow.rules()) {
      rules.add(new RuleEntry(rule.require().text(), rule.code().value(), rule.message()));
    }
    List<Link> emits = new ArrayList<>();
    for (Emit emit : flow.emits()) {
      emits.add(
          new Link(
              emit.event() + emit.condition().map(c -> " if " + c.text()).orElse(""),
              "#event-" + emit.event()));
    }
    String creation =
        switch (flow.creation()) {
          case CREATES -> "starts a new " + aggregate.name();
          case CREATES_OR_UPDATES -> "starts a new " + aggregate.name() + " or changes one";
          case UPDATES -> "changes an existing " + aggregate.name();
        };
    if (flow.creation() == Creation.UPDATES && flow.key().isPresent()) {
      creation += ", the one whose key is " + flow.key().get().text();
    }
    return new FlowEntry(
        flow.name(),
        flow.description().orElse(""),
        startedBy,
        creation,
        auth,
        input,
        flow.let().stream().map(l -> l.name() + " = " + l.value().text()).toList(),
        rules,
        emits,
        Scenes.of(aggregate, flow));
  }

  private List<Link> views(Aggregate aggregate) {
    List<Link> links = new ArrayList<>();
    for (Links.Reader reader : Links.of(index).readersOf(aggregate.name())) {
      Link link = new Link(reader.view().name(), "../views.html#view-" + reader.view().name());
      if (!links.contains(link)) {
        links.add(link);
      }
    }
    return links;
  }
}
