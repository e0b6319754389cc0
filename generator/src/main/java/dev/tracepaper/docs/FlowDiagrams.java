package dev.tracepaper.docs;

import dev.tracepaper.docs.Diagram.Kind;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.EventRef;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Policy;
import dev.tracepaper.model.Trigger;
import dev.tracepaper.model.View;
import java.util.Optional;

/**
 * The flow of one aggregate, in event-storming columns: what starts it (other aggregates' events),
 * its commands and policies, the aggregate, its events, what reacts to them (policies and commands
 * anywhere), the aggregates those change, and the views its events feed. Links lead from each box
 * to where the page set describes it, as seen from the aggregate's page.
 */
public final class FlowDiagrams {

  private static final int TRIGGERS = 0;
  private static final int FLOWS = 1;
  private static final int SELF = 2;
  private static final int EVENTS = 3;
  private static final int REACTIONS = 4;
  private static final int CHANGED = 5;
  private static final int VIEWS = 6;

  private final ModelIndex index;
  private final Aggregate aggregate;
  private final Diagram diagram;

  private FlowDiagrams(ModelIndex index, Aggregate aggregate) {
    this.index = index;
    this.aggregate = aggregate;
    this.diagram = new Diagram("The flow of " + aggregate.name());
  }

  public static Diagram of(ModelIndex index, Aggregate aggregate) {
    FlowDiagrams flows = new FlowDiagrams(index, aggregate);
    flows.build();
    return flows.diagram;
  }

  private void build() {
    String self = diagram.node("aggregate", aggregate.name(), Kind.AGGREGATE, SELF, "#state").id();
    for (Command command : aggregate.commands()) {
      String id =
          diagram
              .node(
                  "command:" + command.name(),
                  command.name(),
                  Kind.COMMAND,
                  FLOWS,
                  "#command-" + command.name())
              .id();
      diagram.edge(id, self, "");
    }
    for (Policy policy : aggregate.policies()) {
      if (!isOwnEvent(policy.on())) {
        String id =
            diagram
                .node(
                    "policy:" + aggregate.name() + "." + policy.name(),
                    policy.name(),
                    Kind.POLICY,
                    FLOWS,
                    "#policy-" + policy.name())
                .id();
        diagram.edge(trigger(policy.on()), id, "");
        diagram.edge(id, self, "");
      }
    }
    for (Command command : aggregate.commands()) {
      for (Trigger trigger : command.triggers()) {
        if (!isOwnEvent(trigger.on())) {
          diagram.edge(trigger(trigger.on()), "command:" + command.name(), "");
        }
      }
    }
    for (Event event : aggregate.events()) {
      String id =
          diagram
              .node(
                  "event:" + event.name(),
                  event.isRetired() ? event.name() + " (retired)" : event.name(),
                  Kind.EVENT,
                  EVENTS,
                  "#event-" + event.name())
              .id();
      diagram.edge(self, id, "");
    }
    reactions();
    views();
  }

  /**
   * Policies and commands anywhere that an event of this aggregate starts, and what they change.
   */
  private void reactions() {
    for (Links.Reaction reaction : Links.of(index).reactionsTo(aggregate.name())) {
      Aggregate other = reaction.owner();
      Event event = reaction.event();
      if (reaction.policy() != null) {
        Policy policy = reaction.policy();
        String id =
            diagram
                .node(
                    "policy:" + other.name() + "." + policy.name(),
                    label(other, policy.name()),
                    Kind.POLICY,
                    REACTIONS,
                    href(other, "policy-" + policy.name()))
                .id();
        diagram.edge("event:" + event.name(), id, "");
        diagram.edge(id, changed(other), "");
      } else {
        Command command = reaction.command();
        String id = "command:" + command.name();
        if (other != aggregate) {
          id = "reaction:" + other.name() + "." + command.name();
          diagram.node(
              id,
              label(other, command.name()),
              Kind.COMMAND,
              REACTIONS,
              href(other, "command-" + command.name()));
          diagram.edge(id, changed(other), "");
        }
        diagram.edge("event:" + event.name(), id, "");
      }
    }
  }

  private void views() {
    for (Links.Reader reader : Links.of(index).readersOf(aggregate.name())) {
      View view = reader.view();
      String id =
          diagram
              .node(
                  "view:" + view.name(),
                  view.name(),
                  Kind.VIEW,
                  VIEWS,
                  "../views.html#view-" + view.name())
              .id();
      if (reader.event() != null) {
        diagram.edge("event:" + reader.event().name(), id, "");
        continue;
      }
      // A view kept from the state changes with every event that changes the state; an arrow
      // from the aggregate's box would cross the events' column.
      for (Event event : aggregate.events()) {
        if (!event.apply().isEmpty() || event.endsInstance()) {
          diagram.edge("event:" + event.name(), id, "");
        }
      }
    }
  }

  /** The box of an aggregate a reaction changes: this one again (yellow), or another (pink). */
  private String changed(Aggregate other) {
    if (other == aggregate) {
      return diagram
          .node("changed:" + other.name(), other.name(), Kind.AGGREGATE, CHANGED, "#state")
          .id();
    }
    return diagram
        .node(
            "changed:" + other.name(), other.name(), Kind.EXTERNAL, CHANGED, other.name() + ".html")
        .id();
  }

  /** The box of another aggregate's event that starts a flow of this one. */
  private String trigger(EventRef ref) {
    Optional<Event> event = index.event(ref);
    String owner = event.map(Event::aggregate).or(ref::aggregate).orElse("");
    String name = ref.event();
    String href =
        event.isPresent() && index.aggregate(owner).isPresent()
            ? owner + ".html#event-" + name
            : "";
    return diagram
        .node(
            "trigger:" + owner + "." + name,
            owner.isEmpty() ? name : owner + "." + name,
            Kind.EXTERNAL,
            TRIGGERS,
            href)
        .id();
  }

  private boolean isOwnEvent(EventRef ref) {
    return ownEvent(ref).isPresent();
  }

  private Optional<Event> ownEvent(EventRef ref) {
    return index.event(ref).filter(e -> e.aggregate().equals(aggregate.name()));
  }

  private String label(Aggregate owner, String name) {
    return owner == aggregate ? name : owner.name() + "." + name;
  }

  private String href(Aggregate owner, String anchor) {
    return owner == aggregate ? "#" + anchor : owner.name() + ".html#" + anchor;
  }
}
