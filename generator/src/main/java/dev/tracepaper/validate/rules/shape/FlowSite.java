package dev.tracepaper.validate.rules.shape;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Flow;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A command or policy with its aggregate and its input: the command's fields, or for a policy the
 * fields of the event that triggers it. {@code input} is empty when a policy's trigger is unknown
 * (the reference rules report that); rules that need the input then stay silent.
 */
public record FlowSite(Flow flow, Aggregate aggregate, Optional<Event> trigger) {

  /** Every site of the model, collected once per model for all the rules that walk them. */
  public static List<FlowSite> all(ModelIndex index) {
    return index.derived(FlowSite.class, i -> List.copyOf(computeAll(i)));
  }

  private static List<FlowSite> computeAll(ModelIndex index) {
    List<FlowSite> sites = new ArrayList<>();
    for (Aggregate aggregate : index.model().aggregates()) {
      for (Flow flow : aggregate.flows()) {
        Optional<Event> trigger = flow instanceof Policy p ? index.event(p.on()) : Optional.empty();
        sites.add(new FlowSite(flow, aggregate, trigger));
      }
    }
    return sites;
  }

  public boolean isCommand() {
    return flow instanceof Command;
  }

  /** The fields the flow receives; empty when they cannot be known. */
  public Optional<List<Field>> input() {
    if (flow instanceof Command command) {
      return Optional.of(command.fields());
    }
    return trigger.map(Event::fields);
  }

  public Optional<Field> inputField(String name) {
    return input()
        .flatMap(fields -> fields.stream().filter(f -> f.name().equals(name)).findFirst());
  }

  /** "command `LendBook`" or "policy `WithdrawWhenLost`" */
  public String phrase() {
    return Phrases.flow(flow);
  }

  /** What the input is called: "field" for a command, "field of the triggering event" else. */
  public String inputPhrase() {
    return isCommand()
        ? "field"
        : "field of its triggering event `%s`".formatted(trigger.map(Event::name).orElse("?"));
  }
}
